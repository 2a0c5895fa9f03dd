import { isContextTerm, isEverydayTopicTerm, isPlaceTerm } from "./analyse-text.js";
import { CALIBRATION, type Calibration } from "./calibration.js";
import type { FaqIndex, FaqMatch } from "./faq-index.js";
import type { FaqAnswer } from "./find-answer.js";
import { clearlyAnswers, rankMatches, type ScoreModel } from "./match-score.js";
import { questionParts } from "./question-parts.js";

export const UNKNOWN_NOT_PASSED_ON =
  "I don't know the answer to that. Ask it in Slack or Teams (`/cohort ask <your question>`) and I'll pass it to the programme team.";
export const SUGGEST_TEXT = "I'm not sure I have that exactly. Did you mean one of these?";
const MAX_SUGGESTIONS = 3;

/** A question searched whole and part by part, ready for the decision (kept apart so calibration can
 *  try many decision rules on one search). */
export type RankedQuestion = {
  text: string;
  whole: FaqMatch[];
  parts: FaqMatch[][];
  programmeWords: string[];
  foreignWords: string[];
  /** For a question in parts: each part's text and words, in the order of `parts`. */
  partTexts?: { text: string; programmeWords: string[]; foreignWords: string[] }[];
};

export function rankQuestion(index: FaqIndex, text: string, score: ScoreModel = CALIBRATION.score): RankedQuestion {
  if (!text) return { text, whole: [], parts: [], programmeWords: [], foreignWords: [] };
  const rank = (q: string) => rankMatches(index.candidates(q), score);
  const parts = questionParts(text);
  const words = (t: string) => ({
    text: t,
    programmeWords: index.programmeWords(t),
    foreignWords: index.foreignWords(t),
  });
  return {
    ...words(text),
    whole: rank(text),
    parts: parts.length > 1 ? parts.map(rank) : [],
    ...(parts.length > 1 ? { partTexts: parts.map(words) } : {}),
  };
}

/**
 * Answer when the best entry clearly covers the question (or, for a question in parts, when entries
 * clearly cover two parts or more); "Did you mean…?" when some entries score well enough to offer;
 * otherwise decline, off-topic when the question uses none of the programme's own words.
 */
export function decideAnswer(
  q: RankedQuestion,
  calibration: Calibration = CALIBRATION,
): FaqAnswer & { candidates: FaqMatch[] } {
  const clear = (ranked: FaqMatch[]) => clearlyAnswers(ranked, calibration.answer);
  const byPart = distinct(q.parts.flatMap((ranked) => (clear(ranked) ? [ranked[0] as FaqMatch] : [])));
  const wholeIsClear = clear(q.whole);
  // The parts no entry answers are named, so a partial answer never looks complete: a part is answered
  // when an entry clearly answers it, or when the answer's own entry is the best match for it.
  const unanswered = (used: FaqMatch[], strict: boolean) =>
    (q.partTexts ?? [])
      .filter((_, i) => {
        const ranked = q.parts[i] ?? [];
        if (clear(ranked) || used.some((m) => m.entry.key === ranked[0]?.entry.key)) return false;
        // When one entry answers the whole question, a part counts as unanswered only when nothing in
        // the FAQ resembles it (on the dev set, a looser rule flagged parts the entry did answer).
        const resembled = ranked.some(
          (m) => m.confidence >= calibration.suggest.minScore || used.some((u) => u.entry.key === m.entry.key),
        );
        return strict || !resembled;
      })
      .map((p) => ({ text: p.text, offTopic: isOffTopic({ ...q, ...p }) }));
  if (byPart.length > 1 || (byPart.length === 1 && !wholeIsClear)) {
    return { ...withUnansweredParts(answerFrom(byPart), unanswered(byPart, true)), candidates: byPart };
  }
  const [best] = q.whole;
  if (best && wholeIsClear)
    return { ...withUnansweredParts(answerFrom([best]), unanswered([best], false)), candidates: [best] };
  const likely = distinct(q.whole.filter((m) => m.confidence >= calibration.suggest.minScore)).slice(
    0,
    MAX_SUGGESTIONS,
  );
  if (likely.length > 0) {
    const suggestions = likely.map((m) => ({ key: m.entry.key, question: m.entry.question }));
    return { ...declined(SUGGEST_TEXT, false), outcome: "suggest", suggestions, candidates: likely };
  }
  return { ...declined(UNKNOWN_NOT_PASSED_ON, isOffTopic(q)), candidates: [] };
}

/**
 * Not about the programme: the question uses none of the FAQ's own words (everyday words aside), and
 * its asker does not speak as a team ("we", "our"), which on the dev set every off-topic question
 * avoided and programme questions without FAQ words used ("are we the guinea pigs?"). Words that only
 * name the programme's setting (analyse-text.ts) do not make a question about the programme: a place
 * ("What's the weather in London?") when the question's topic is a word the FAQ never uses; "NHS",
 * "GP", "team" when that topic is an everyday one ("how do I book an NHS dentist?").
 */
function isOffTopic(q: RankedQuestion): boolean {
  if (q.text === "" || SPEAKS_AS_TEAM.test(q.text)) return false;
  const beyondPlace = q.programmeWords.filter((t) => !isPlaceTerm(t));
  if (beyondPlace.length === 0) return q.programmeWords.length === 0 || q.foreignWords.length > 0;
  const topical = beyondPlace.filter((t) => !isContextTerm(t));
  return topical.length === 0 && q.foreignWords.some(isEverydayTopicTerm);
}
const SPEAKS_AS_TEAM = /\b(we|our|ours|us|we're|we've|weve)\b/i;

/** The note a partial answer ends with: which part it could not answer. */
export function unansweredNote(parts: { text: string }[]): string {
  const quoted = parts.map((p) => `“${p.text}”`).join(" and ");
  return `I couldn't answer ${parts.length > 1 ? "these parts" : "this part"} of your question: ${quoted}`;
}

/** Marks an answer as partial: `unansweredParts` for the caller, and the note at the end of the answer. */
export function withUnansweredParts(answer: FaqAnswer, parts: { text: string; offTopic: boolean }[]): FaqAnswer {
  if (parts.length === 0) return answer;
  return { ...answer, answer: `${answer.answer}\n\n${unansweredNote(parts)}`, unansweredParts: parts };
}

function declined(answer: string, offTopic: boolean): FaqAnswer {
  return { answered: false, outcome: "decline", answer, sources: [], suggestions: [], offTopic };
}

function answerFrom(matches: FaqMatch[]): FaqAnswer {
  const sources = matches.map((m) => m.entry.key);
  if (matches.length === 1) {
    const answer = matches[0]?.entry.answer ?? "";
    return { answered: true, outcome: "answer", answer, sources, suggestions: [], offTopic: false };
  }
  // One paragraph per part, each led by the entry's own question so the reader sees which is which.
  const parts = matches.map((m) => ({ key: m.entry.key, question: m.entry.question, answer: m.entry.answer }));
  const answer = parts.map((p) => `${p.question} ${p.answer}`).join("\n\n");
  return { answered: true, outcome: "answer", answer, sources, suggestions: [], offTopic: false, parts };
}

function distinct(matches: FaqMatch[]): FaqMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => !seen.has(m.entry.key) && seen.add(m.entry.key));
}
