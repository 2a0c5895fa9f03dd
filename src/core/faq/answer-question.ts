import type { CoreDeps } from "../deps.js";
import type { ChatTarget } from "../ports/chat-gateway.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
import type { Platform } from "../programme/types.js";
import { answerWithLlm } from "./answer-with-llm.js";
import { getFaqIndex } from "./faq-index-cache.js";

/**
 * How much of a question (rarity-weighted, see faq-index.ts) the best entry must cover before the bot
 * answers. Calibrated with `npm run faq:eval` on the dev set and test/fixtures/faq/paraphrases.json: in-scope
 * paraphrases scored 0.70 and up, out-of-scope questions 0.48 and below.
 */
export const ANSWER_THRESHOLD = 0.6;

/** What answering needs: the FAQ, and for the LLM path the programme's name. */
export type FaqDeps = Pick<CoreDeps, "faq" | "clock" | "logger" | "llm" | "faqPrompt"> & {
  programmes: Pick<ProgrammeRepository, "getProgramme">;
};

export type FaqAnswer = { answered: boolean; answer: string; sources: string[] };

/** Who asked, so an unknown question can be queued for staff and the answer sent back to them. */
export type Asker = { memberId: string | null; platform: Platform; externalId: string; replyTo: ChatTarget | null };

export const UNKNOWN_PASSED_ON =
  "I don't know the answer to that yet, so I've passed your question to the programme team. Their answer will come back to you here.";
export const UNKNOWN_NOT_PASSED_ON =
  "I don't know the answer to that. Ask it in Slack or Teams (`/cohort ask <your question>`) and I'll pass it to the programme team.";

/**
 * Answers a programme question from the FAQ: retrieval first; the LLM (when configured) rewrites the
 * answer from the retrieved entries only; below the threshold it says so honestly and, when it knows
 * who asked, queues the question for staff. It never makes an answer up.
 */
export async function answerQuestion({
  deps,
  programmeId,
  question,
  asker,
}: {
  deps: FaqDeps;
  programmeId: string;
  question: string;
  asker?: Asker;
}): Promise<FaqAnswer> {
  const text = question.trim().slice(0, 1000);
  const index = await getFaqIndex(deps, programmeId);
  const matches = text ? index.search(text, 5) : [];
  const best = matches[0];

  if (deps.llm && deps.faqPrompt && best) {
    const llmAnswer = await answerWithLlm({
      deps,
      llm: deps.llm,
      prompt: deps.faqPrompt,
      programmeId,
      question: text,
      matches,
    });
    if (llmAnswer) return { answered: true, ...llmAnswer };
  }
  if (best && best.confidence >= ANSWER_THRESHOLD) {
    return { answered: true, answer: best.entry.answer, sources: [best.entry.key] };
  }
  if (!asker || !text) return { answered: false, answer: UNKNOWN_NOT_PASSED_ON, sources: [] };

  const queued = { programmeId, platform: asker.platform, askerExternalId: asker.externalId, question: text };
  if (!(await deps.faq.findOpenQuestion(queued))) {
    const recorded = await deps.faq.recordUnanswered({ ...queued, memberId: asker.memberId, replyTo: asker.replyTo });
    deps.logger.info(
      { programmeId, questionId: recorded.id, confidence: best?.confidence ?? 0 },
      "question passed to staff",
    );
  }
  return { answered: false, answer: UNKNOWN_PASSED_ON, sources: [] };
}
