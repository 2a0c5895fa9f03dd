/**
 * The FAQ evaluation sets (test/fixtures/faq/dev.json, test.json) and how one answer is judged against
 * a case's labels. Shared by `npm run faq:eval` and the regression test that asserts "never wrong".
 */
import fs from "node:fs";
import type { FaqAnswer } from "../src/core/faq/find-answer.js";

/**
 * `entries`: the parts the question asks; each part lists the keys any one of which answers it.
 * `[]`: no entry answers it; `offTopic` then says it is not about the programme at all.
 */
export type FaqCase = {
  question: string;
  entries: string[][];
  offTopic?: boolean;
  style?: string;
  /** Where it came from (writer letter + index, or an older set). */
  from?: string;
  /** Why the label differs from what its writer wrote. */
  fix?: string;
  /**
   * For a question about the asker's own team's data: the live topics (detect-intent.ts) that answer it
   * for a member. A live answer on any other topic, or on a question without `live`, is wrong: the
   * team's figure or date would answer a question nobody asked.
   */
  live?: string[];
};
export type FaqSet = { about?: string; cases: FaqCase[] };

/**
 * - right: answered with entries covering every part; or declined a no-entry programme question (so it
 *   goes to staff); or declined an off-topic one marked off-topic.
 * - suggested: an in-scope question answered with "Did you mean…?" that offers a right entry.
 * - partly: answered some parts of a multi-part question, with right entries only.
 * - declined: anything else that is not wrong (the asker gets no answer, nobody is misled).
 * - wrong: answered with an entry that does not cover the question, or answered a no-entry question.
 */
export type Verdict = "right" | "suggested" | "partly" | "declined" | "wrong";

export function loadFaqSet(file: string): FaqSet {
  const set = JSON.parse(fs.readFileSync(file, "utf8")) as FaqSet & { cases: { expect?: unknown }[] };
  if (set.cases.some((c) => "expect" in c))
    throw new Error(`${file} uses the old "expect" format; label its cases with entry keys (see docs/FAQ.md)`);
  return set;
}

export function judge(c: FaqCase, result: FaqAnswer): { verdict: Verdict; offTopicMarked: boolean } {
  const offTopicMarked = result.outcome === "decline" && result.offTopic;
  const verdict = judgeOutcome(c, result);
  return { verdict, offTopicMarked };
}

/**
 * What a member gets before the FAQ is asked: a live answer from the team's data (`intent`), or none.
 * `null` when no live answer fires (the FAQ verdict stands), else right or wrong by the case's `live`.
 */
export function judgeLive(c: FaqCase, intent: string | null): "right" | "wrong" | null {
  if (!intent) return null;
  return c.live?.includes(intent) ? "right" : "wrong";
}

function judgeOutcome(c: FaqCase, result: FaqAnswer): Verdict {
  const inScope = c.entries.length > 0;
  if (result.outcome === "answer") {
    if (!inScope || result.sources.length === 0) return "wrong";
    const allowed = new Set(c.entries.flat());
    if (!result.sources.every((key) => allowed.has(key))) return "wrong";
    return c.entries.every((part) => part.some((key) => result.sources.includes(key))) ? "right" : "partly";
  }
  if (result.outcome === "suggest") {
    const allowed = new Set(c.entries.flat());
    return result.suggestions.some((s) => allowed.has(s.key)) ? "suggested" : "declined";
  }
  if (inScope) return "declined";
  return result.offTopic === Boolean(c.offTopic) ? "right" : "declined";
}
