import type { ChatTarget } from "../ports/chat-gateway.js";
import type { Platform } from "../programme/types.js";
import type { FaqAnswer, FaqDeps } from "./find-answer.js";
import { sameQuestion } from "./similar-wording.js";

/** Who asked, so an unknown question can be queued for staff and the answer sent back to them. */
export type Asker = { memberId: string | null; platform: Platform; externalId: string; replyTo: ChatTarget | null };

/** A declined question, and what happened when it was passed to staff. */
export type PassedOn = { questionId: string; repeat: boolean };

export const UNKNOWN_PASSED_ON =
  "I don't know the answer to that yet, so I've passed your question to the programme team. Their answer will come back to you here.";

export const ALREADY_PASSED_ON =
  "You asked me that recently and it's already with the programme team, so I haven't sent it again. Their answer will come back to you here.";

/** How far back a person's open questions count as "the same question again". */
export const REPEAT_WINDOW_DAYS = 14;

/**
 * Queues a question the FAQ could not answer for staff, unless the same person already has the same
 * question open — asked in the last REPEAT_WINDOW_DAYS, worded the same or nearly (similar-wording.ts).
 * Staff then see each real question once; the asker is told either way that it is with the programme team.
 */
export async function passToStaff({
  deps,
  programmeId,
  question,
  asker,
  declined,
}: {
  deps: FaqDeps;
  programmeId: string;
  question: string;
  asker: Asker;
  declined: FaqAnswer;
}): Promise<FaqAnswer & { passedOn: PassedOn }> {
  const since = deps.clock.now().getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  // Reads the queue rather than asking the database for a match: a programme's open queue is short.
  const open = await deps.faq.listUnanswered(programmeId, { status: "open" });
  const earlier = open.find(
    (q) =>
      q.platform === asker.platform &&
      q.askerExternalId === asker.externalId &&
      q.createdAt.getTime() >= since &&
      sameQuestion(q.question, question),
  );
  if (earlier) {
    deps.logger.info({ programmeId, questionId: earlier.id }, "question already with staff; not queued again");
    return { ...declined, answer: ALREADY_PASSED_ON, passedOn: { questionId: earlier.id, repeat: true } };
  }
  const recorded = await deps.faq.recordUnanswered({
    programmeId,
    platform: asker.platform,
    askerExternalId: asker.externalId,
    question,
    memberId: asker.memberId,
    replyTo: asker.replyTo,
    createdAt: deps.clock.now(),
  });
  deps.logger.info({ programmeId, questionId: recorded.id }, "question passed to staff");
  return { ...declined, answer: UNKNOWN_PASSED_ON, passedOn: { questionId: recorded.id, repeat: false } };
}
