import type { CoreDeps } from "../deps.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
import { answerWithLlm } from "./answer-with-llm.js";
import { CALIBRATION } from "./calibration.js";
import { decideAnswer, rankQuestion, withUnansweredParts } from "./decide-answer.js";
import { getFaqIndex } from "./faq-index-cache.js";

export { SUGGEST_TEXT, UNKNOWN_NOT_PASSED_ON } from "./decide-answer.js";

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
  /** For an answer from several entries: each entry's question and answer, in the order asked. */
  parts?: { key: string; question: string; answer: string }[];
  /**
   * For an answer to some parts of a question only: the parts no entry answers (the answer ends by
   * naming them). `offTopic` parts are not for staff; the others are passed on (answer-question.ts).
   */
  unansweredParts?: { text: string; offTopic: boolean }[];
};

/** @deprecated The decision is no longer one threshold (see calibration.ts); kept for callers that print it. */
export const ANSWER_THRESHOLD = CALIBRATION.answer.minScore;

/**
 * Decides how to answer a programme question from the FAQ alone, with no side effects. Retrieval ranks
 * the entries with a score calibrated on the dev set (match-score.ts); the answer comes only from
 * entries, and only when the best one clearly covers the question. The LLM, when configured, may word
 * the answer or settle a "Did you mean…?" from the same candidate entries, citing their keys; it is
 * never asked about a question retrieval would decline. Passing a declined question to staff is the
 * caller's business (pass-to-staff.ts).
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
  const decision = decideAnswer(rankQuestion(index, text));
  if (decision.outcome === "decline" || !deps.llm || !deps.faqPrompt) return withoutCandidates(decision);
  const llmAnswer = await answerWithLlm({
    deps,
    llm: deps.llm,
    prompt: deps.faqPrompt,
    programmeId,
    question: text,
    matches: decision.candidates,
  });
  if (!llmAnswer) return withoutCandidates(decision);
  const worded: FaqAnswer = { answered: true, outcome: "answer", ...llmAnswer, suggestions: [], offTopic: false };
  return withUnansweredParts(worded, decision.unansweredParts ?? []);
}

function withoutCandidates({ candidates: _, ...answer }: FaqAnswer & { candidates: unknown }): FaqAnswer {
  return answer;
}
