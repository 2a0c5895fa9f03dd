import { type FaqAnswer, type FaqDeps, findAnswer } from "./find-answer.js";
import { type Asker, type PassedOn, passToStaff } from "./pass-to-staff.js";

export {
  ANSWER_THRESHOLD,
  type FaqAnswer,
  type FaqDeps,
  type FaqOutcome,
  type FaqSuggestion,
  UNKNOWN_NOT_PASSED_ON,
} from "./find-answer.js";
export { ALREADY_PASSED_ON, type Asker, type PassedOn, UNKNOWN_PASSED_ON } from "./pass-to-staff.js";

/** The answer, plus what happened to a declined question that was passed to staff. */
export type FaqReply = FaqAnswer & { passedOn?: PassedOn };

export const OFF_TOPIC_DECLINE =
  "Sorry, that's not something I can help with: I only answer questions about the programme. Try `help` to see what I can do.";

/**
 * Answers a programme question: the FAQ decides (find-answer.ts: answer, "did you mean", or decline).
 * A question about the programme that it cannot answer is passed to staff when we know who asked
 * (pass-to-staff.ts). An off-topic one (weather, sport, passwords) gets a polite decline and never
 * reaches staff, whoever asked, unless they asked staff on purpose (`passOffTopic`: the `ask` command, or
 * the decline's "ask the team" button). `decide` is for tests that need an outcome today's answerer cannot give.
 */
export async function answerQuestion({
  deps,
  programmeId,
  question,
  asker,
  passOffTopic = false,
  decide = findAnswer,
}: {
  deps: FaqDeps;
  programmeId: string;
  question: string;
  asker?: Asker;
  passOffTopic?: boolean;
  decide?: typeof findAnswer;
}): Promise<FaqReply> {
  const text = question.trim().slice(0, 1000);
  const result = await decide({ deps, programmeId, question: text });
  if (result.outcome === "answer") return passOnUnansweredParts({ deps, programmeId, result, asker });
  if (result.outcome !== "decline") return result;
  if (result.offTopic && !passOffTopic) return asker ? { ...result, answer: OFF_TOPIC_DECLINE } : result;
  if (!asker || !text) return result;
  return passToStaff({ deps, programmeId, question: text, asker, declined: result });
}

export const PART_PASSED_ON = "I've passed that to the programme team: their answer will come back to you here.";
export const PART_ALREADY_PASSED_ON = "You asked me that recently and it's already with the programme team.";

/**
 * An answer to some parts of a question: the parts no entry answers (and that are about the programme)
 * go to staff like any unknown question, and the reply says so after naming them.
 */
async function passOnUnansweredParts({
  deps,
  programmeId,
  result,
  asker,
}: {
  deps: FaqDeps;
  programmeId: string;
  result: FaqAnswer;
  asker?: Asker;
}): Promise<FaqReply> {
  const forStaff = (result.unansweredParts ?? []).filter((p) => !p.offTopic);
  if (!asker || forStaff.length === 0) return result;
  const question = forStaff.map((p) => p.text).join(" ");
  const { passedOn } = await passToStaff({ deps, programmeId, question, asker, declined: result });
  const note = passedOn.repeat ? PART_ALREADY_PASSED_ON : PART_PASSED_ON;
  return { ...result, answer: `${result.answer} ${note}`, passedOn };
}
