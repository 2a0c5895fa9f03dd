import type { AnswerRule, ScoreModel } from "./match-score.js";

/** The decision's numbers: how candidates are scored, when the best one is answered, when suggested. */
export type Calibration = { score: ScoreModel; answer: AnswerRule; suggest: { minScore: number } };

// Written by scripts/faq-calibrate.ts from test/fixtures/faq/dev.json: do not edit by hand.
export const CALIBRATION: Calibration = {
  score: { weights: [2.9194, -1.0201, 1.8449, 1.5679, 0.4152, -0.3763, 0.3402, 1.2757], bias: -4.4466 },
  answer: { minScore: 0.5, minMargin: 0.15, minFit: 0.3, maxMissingRare: 0.6, minKindAgrees: 0.5 },
  suggest: { minScore: 0.4 },
};
