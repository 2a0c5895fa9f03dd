import type { ChatTarget } from "../ports/chat-gateway.js";
import type { Platform } from "../programme/types.js";
import type { FaqAnswer, FaqDeps } from "./find-answer.js";

/** Who asked, so an unknown question can be queued for staff and the answer sent back to them. */
export type Asker = { memberId: string | null; platform: Platform; externalId: string; replyTo: ChatTarget | null };

export const UNKNOWN_PASSED_ON =
  "I don't know the answer to that yet, so I've passed your question to the programme team. Their answer will come back to you here.";

/** Queues a question the FAQ could not answer for staff (once per person and question). */
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
}): Promise<FaqAnswer> {
  const queued = { programmeId, platform: asker.platform, askerExternalId: asker.externalId, question };
  if (!(await deps.faq.findOpenQuestion(queued))) {
    const recorded = await deps.faq.recordUnanswered({
      ...queued,
      memberId: asker.memberId,
      replyTo: asker.replyTo,
      createdAt: deps.clock.now(),
    });
    deps.logger.info({ programmeId, questionId: recorded.id }, "question passed to staff");
  }
  return { ...declined, answer: UNKNOWN_PASSED_ON };
}
