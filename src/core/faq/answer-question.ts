import { type FaqAnswer, type FaqDeps, findAnswer } from "./find-answer.js";
import { type Asker, passToStaff } from "./pass-to-staff.js";

export {
  ANSWER_THRESHOLD,
  type FaqAnswer,
  type FaqDeps,
  type FaqOutcome,
  type FaqSuggestion,
  UNKNOWN_NOT_PASSED_ON,
} from "./find-answer.js";
export { type Asker, UNKNOWN_PASSED_ON } from "./pass-to-staff.js";

/**
 * Answers a programme question: the FAQ decides (find-answer.ts); a question about the programme that
 * it cannot answer is passed to staff when we know who asked (pass-to-staff.ts). Off-topic questions
 * are declined without bothering staff.
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
  const result = await findAnswer({ deps, programmeId, question: text });
  if (result.outcome !== "decline" || result.offTopic || !asker || !text) return result;
  return passToStaff({ deps, programmeId, question: text, asker, declined: result });
}
