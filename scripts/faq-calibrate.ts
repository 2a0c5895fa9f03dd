/**
 * Calibrates the FAQ decision on the dev set only: `tsx scripts/faq-calibrate.ts [--write]`.
 * 1. Fits the match score (a logistic regression over the match features) to tell, for each candidate
 *    entry of a dev question, whether it answers it.
 * 2. Chooses the answer rule (score, margin, wording fit, rare words left unmatched, question word)
 *    that answers the most dev questions right with none wrong, and none wrong either when each limit
 *    is loosened a step (SAFETY); on a tie, the stricter rule.
 * 3. Chooses the "Did you mean…?" score: most in-scope questions offered a right entry, less the
 *    no-entry questions that would be offered entries instead of reaching staff.
 * With --write it writes src/core/faq/calibration.ts. The test set is never read here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadProgrammeFile } from "../src/config/load-programme-file.js";
import type { Calibration } from "../src/core/faq/calibration.js";
import { decideAnswer, rankQuestion } from "../src/core/faq/decide-answer.js";
import { buildFaqIndex } from "../src/core/faq/faq-index.js";
import { type AnswerRule, SCORE_FEATURES, type ScoreModel } from "../src/core/faq/match-score.js";
import { faqEntriesFromFile } from "../src/db/repositories/faq-memory-repository.js";
import { type FaqCase, judge, loadFaqSet } from "./faq-eval-set.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { cases } = loadFaqSet(path.join(root, "test/fixtures/faq/dev.json"));
const index = buildFaqIndex(
  faqEntriesFromFile(loadProgrammeFile(path.join(root, "prisma/seed/sp-innovators.yaml")), "p"),
);

// 1. The score: candidates of one-part and no-entry questions, labelled by whether they answer it.
const examples: { x: number[]; y: number }[] = [];
for (const c of cases.filter((c) => c.entries.length <= 1)) {
  const allowed = new Set(c.entries.flat());
  for (const m of index.candidates(c.question).slice(0, 5))
    examples.push({ x: SCORE_FEATURES.map((f) => m.features[f]), y: allowed.has(m.entry.key) ? 1 : 0 });
}
const score = fitLogistic(examples);

// 2. The answer rule.
const rank = (c: FaqCase) => rankQuestion(index, c.question, score);
const ranked = cases.map((c) => ({ c, q: rank(c) }));
const count = (calibration: Calibration) => {
  const tally = { right: 0, suggested: 0, wrong: 0, suggestedNoEntry: 0 };
  for (const { c, q } of ranked) {
    const result = decideAnswer(q, calibration);
    const { verdict } = judge(c, result);
    if (verdict === "right") tally.right++;
    if (verdict === "wrong") tally.wrong++;
    if (verdict === "suggested") tally.suggested++;
    if (result.outcome === "suggest" && c.entries.length === 0) tally.suggestedNoEntry++;
  }
  return tally;
};
const SAFETY = { score: 0.05, margin: 0.05, fit: 0.1 };
const grid = {
  minScore: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
  minMargin: [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  minFit: [0, 0.3, 0.4, 0.5, 0.6],
  maxMissingRare: [0.5, 0.6, 0.65, 0.7, 1.01],
  minKindAgrees: [0, 0.5],
};
let best: { rule: AnswerRule; right: number; strictness: number } | null = null;
for (const minScore of grid.minScore)
  for (const minMargin of grid.minMargin)
    for (const minFit of grid.minFit)
      for (const maxMissingRare of grid.maxMissingRare)
        for (const minKindAgrees of grid.minKindAgrees) {
          const rule = { minScore, minMargin, minFit, maxMissingRare, minKindAgrees };
          const { right, wrong } = count({ score, answer: rule, suggest: { minScore: 1.01 } });
          const strictness = minScore + minMargin + minFit - maxMissingRare + minKindAgrees;
          if (wrong > 0) continue;
          // Keep a safety margin: a slightly looser rule must be right on dev too, so the rule chosen
          // does not sit exactly on the last dev question it gets right.
          const looser = {
            ...rule,
            minScore: minScore - SAFETY.score,
            minMargin: Math.max(0, minMargin - SAFETY.margin),
            minFit: Math.max(0, minFit - SAFETY.fit),
          };
          if (count({ score, answer: looser, suggest: { minScore: 1.01 } }).wrong > 0) continue;
          if (!best || right > best.right || (right === best.right && strictness > best.strictness))
            best = { rule, right, strictness };
        }
if (!best) throw new Error("no answer rule gives 0 wrong on dev");
const answer = best.rule;

// 3. The "Did you mean…?" band.
let suggest = { minScore: 1.01, utility: Number.NEGATIVE_INFINITY };
for (let minScore = 0.05; minScore < answer.minScore; minScore += 0.05) {
  const t = count({ score, answer, suggest: { minScore } });
  const utility = t.suggested - t.suggestedNoEntry;
  if (utility > suggest.utility) suggest = { minScore: Number(minScore.toFixed(2)), utility };
}

const calibration: Calibration = { score, answer, suggest: { minScore: suggest.minScore } };
const tally = count(calibration);
process.stdout.write(`${JSON.stringify({ calibration, dev: tally, examples: examples.length }, null, 1)}\n`);
if (tally.wrong > 0) throw new Error("calibration answers a dev question wrongly");
if (process.argv.includes("--write")) {
  const file = path.join(root, "src/core/faq/calibration.ts");
  const source = fs.readFileSync(file, "utf8");
  const start = source.indexOf("export const CALIBRATION");
  fs.writeFileSync(
    file,
    `${source.slice(0, start)}export const CALIBRATION: Calibration = ${JSON.stringify(calibration)};\n`,
  );
  process.stdout.write(`wrote ${path.relative(root, file)} (run npm run format)\n`);
}

/** Logistic regression by gradient descent (a few hundred examples, eight features: milliseconds). */
function fitLogistic(data: { x: number[]; y: number }[]): ScoreModel {
  const n = SCORE_FEATURES.length;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  const rate = 1;
  const l2 = 1e-3;
  for (let iteration = 0; iteration < 20_000; iteration++) {
    const grad = new Array<number>(n).fill(0);
    let gradB = 0;
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * (w[i] ?? 0), b)));
      for (let i = 0; i < n; i++) grad[i] = (grad[i] ?? 0) + (p - y) * (x[i] ?? 0);
      gradB += p - y;
    }
    for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) - rate * ((grad[i] ?? 0) / data.length + l2 * (w[i] ?? 0));
    b -= (rate * gradB) / data.length;
  }
  return { weights: w.map((v) => Number(v.toFixed(4))), bias: Number(b.toFixed(4)) };
}
