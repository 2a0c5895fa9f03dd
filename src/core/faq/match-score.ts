import type { FaqMatch, MatchFeatures } from "./faq-index.js";

/** The features the score weighs, in the order of CALIBRATION.weights. */
export const SCORE_FEATURES = [
  "coverage",
  "wordingCoverage",
  "wordingRecall",
  "kindAgrees",
  "missingRare",
  "missingWeight",
  "pairs",
  "relativeScore",
] as const satisfies readonly (keyof MatchFeatures)[];

/**
 * How likely an entry answers the question (0–1): a logistic regression over the match features, fitted
 * on the dev set by scripts/faq-calibrate.ts (which writes calibration.ts).
 */
export type ScoreModel = { weights: readonly number[]; bias: number };

export function matchScore(features: MatchFeatures, { weights, bias }: ScoreModel): number {
  const z = SCORE_FEATURES.reduce((sum, name, i) => sum + (weights[i] ?? 0) * features[name], bias);
  return 1 / (1 + Math.exp(-z));
}

/** Scores every candidate and orders them best first. */
export function rankMatches(matches: FaqMatch[], model: ScoreModel): FaqMatch[] {
  return matches
    .map((m) => ({ ...m, confidence: matchScore(m.features, model) }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** The closest wording's fit both ways (harmonic mean of its coverage and recall). */
export function wordingFit(f: MatchFeatures): number {
  const sum = f.wordingCoverage + f.wordingRecall;
  return sum > 0 ? (2 * f.wordingCoverage * f.wordingRecall) / sum : 0;
}

export type AnswerRule = {
  minScore: number;
  minMargin: number;
  minFit: number;
  maxMissingRare: number;
  minKindAgrees: number;
};

/**
 * Whether the best candidate clearly answers: a high score, clear of the runner-up, a close wording,
 * no rare question word it leaves unmatched and no contradicting question word. Each limit is
 * calibrated on the dev set so that no dev question is answered wrongly (scripts/faq-calibrate.ts).
 */
export function clearlyAnswers(ranked: FaqMatch[], rule: AnswerRule): boolean {
  const [best, next] = ranked;
  if (!best) return false;
  const f = best.features;
  return (
    best.confidence >= rule.minScore &&
    best.confidence - (next?.confidence ?? 0) >= rule.minMargin &&
    wordingFit(f) >= rule.minFit &&
    f.missingRare < rule.maxMissingRare &&
    f.kindAgrees >= rule.minKindAgrees
  );
}
