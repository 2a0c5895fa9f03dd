import type { AnswerRule, ScoreModel } from "./match-score.js";

/** The decision's numbers: how candidates are scored, when the best one is answered, when suggested. */
export type Calibration = { score: ScoreModel; answer: AnswerRule; suggest: { minScore: number } };

// Written by scripts/faq-calibrate.ts from test/fixtures/faq/dev.json: do not edit by hand.
export const CALIBRATION: Calibration = {
  score: { weights: [3.1994, -1.0174, 1.9146, 1.5641, 0.4956, -0.2425, 0.3794, 1.1658], bias: -4.7305 },
  answer: { minScore: 0.5, minMargin: 0.2, minFit: 0.3, maxMissingRare: 0.6, minKindAgrees: 0.5 },
  suggest: { minScore: 0.35 },
};
