import type { CoreDeps } from "../deps.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
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

/**
 * - `answer`: the best entry (or, for a question in two parts, one entry per part) clearly covers it;
 * - `suggest`: unsure — offer up to three entries as "Did you mean…?" buttons;
 * - `decline`: no entry covers it ("I don't know"); `offTopic` says it is not about the programme at all
 *   (weather, sport, passwords), so it is not passed to staff.
 */
export type FaqOutcome = "answer" | "suggest" | "decline";
export type FaqSuggestion = { key: string; question: string };

export type FaqAnswer = {
  /** True only for `answer` (kept for the CLI's JSON contract). */
  answered: boolean;
  outcome: FaqOutcome;
  answer: string;
  /** Keys of the entries the answer comes from (several for a multi-part question). */
  sources: string[];
  /** For `suggest`: up to three entries, best first. */
  suggestions: FaqSuggestion[];
  /** For `decline`: the question is not about the programme. */
  offTopic: boolean;
};

export const UNKNOWN_NOT_PASSED_ON =
  "I don't know the answer to that. Ask it in Slack or Teams (`/cohort ask <your question>`) and I'll pass it to the programme team.";

/**
 * Decides how to answer a programme question from the FAQ alone, with no side effects: retrieval first;
 * the LLM (when configured) rewrites the answer from the retrieved entries only. It never makes an
 * answer up. Passing a declined question to staff is the caller's business (pass-to-staff.ts).
 */
export async function findAnswer({
  deps,
  programmeId,
  question,
}: {
  deps: FaqDeps;
  programmeId: string;
  question: string;
}): Promise<FaqAnswer> {
  const text = question.trim().slice(0, 1000);
  const index = await getFaqIndex(deps, programmeId);
  const matches = text ? index.search(text, 5) : [];
  const best = matches[0];
  const none = { suggestions: [], offTopic: false };

  if (deps.llm && deps.faqPrompt && best) {
    const llmAnswer = await answerWithLlm({
      deps,
      llm: deps.llm,
      prompt: deps.faqPrompt,
      programmeId,
      question: text,
      matches,
    });
    if (llmAnswer) return { answered: true, outcome: "answer", ...llmAnswer, ...none };
  }
  if (best && best.confidence >= ANSWER_THRESHOLD) {
    return { answered: true, outcome: "answer", answer: best.entry.answer, sources: [best.entry.key], ...none };
  }
  return { answered: false, outcome: "decline", answer: UNKNOWN_NOT_PASSED_ON, sources: [], ...none };
}
