/** One point of a run chart: the team's measure for one month. */
export type RunPoint = { month: string; value: number };

export type RunSignal =
  | { kind: "shift"; direction: "above" | "below"; from: number; to: number; points: number }
  | { kind: "trend"; direction: "up" | "down"; from: number; to: number; points: number };

export type RunChartAnalysis = {
  median: number | null;
  signals: RunSignal[];
  /** Indexes (into the points) that belong to a signal, for marking them on the chart. */
  inSignal: Set<number>;
};

/** The standard run-chart rules (IHI): a shift is 6+ points on one side of the median, a trend 5+ rising or falling. */
export const SHIFT_POINTS = 6;
export const TREND_POINTS = 5;
/** Fewer points than this and the median itself is unsteady: the page says the signals are provisional. */
export const STEADY_POINTS = 10;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Finds shifts and trends. Points exactly on the median neither add to nor break a shift; a point equal
 * to the one before neither adds to nor breaks a trend (both as the rules are usually taught).
 */
export function analyseRunChart(points: RunPoint[]): RunChartAnalysis {
  const m = median(points.map((p) => p.value));
  const signals: RunSignal[] = [];
  if (m === null) return { median: null, signals, inSignal: new Set() };
  signals.push(...shifts(points, m), ...trends(points));
  const inSignal = new Set<number>();
  for (const s of signals) for (let i = s.from; i <= s.to; i++) inSignal.add(i);
  return { median: m, signals, inSignal };
}

function shifts(points: RunPoint[], m: number): RunSignal[] {
  const out: RunSignal[] = [];
  let side: "above" | "below" | null = null;
  let from = 0;
  let count = 0;
  let last = 0;
  const close = () => {
    if (side && count >= SHIFT_POINTS) out.push({ kind: "shift", direction: side, from, to: last, points: count });
  };
  points.forEach((p, i) => {
    if (p.value === m) return;
    const s = p.value > m ? "above" : "below";
    if (s !== side) {
      close();
      side = s;
      from = i;
      count = 0;
    }
    count++;
    last = i;
  });
  close();
  return out;
}

function trends(points: RunPoint[]): RunSignal[] {
  const out: RunSignal[] = [];
  let direction: "up" | "down" | null = null;
  let from = 0;
  let count = 1;
  let last = 0;
  const close = () => {
    if (direction && count >= TREND_POINTS) out.push({ kind: "trend", direction, from, to: last, points: count });
  };
  for (let i = 1; i < points.length; i++) {
    const step = (points[i] as RunPoint).value - (points[last] as RunPoint).value;
    if (step === 0) continue;
    const d = step > 0 ? "up" : "down";
    if (d !== direction) {
      close();
      direction = d;
      from = last;
      count = 1;
    }
    count++;
    last = i;
  }
  close();
  return out;
}

/**
 * Reads a team's "latest value" as a number: "64%" → 64, "5 of 6" → 83.3 (a percentage), "£1,200" →
 * 1200, "12 people" → 12. Returns null for text with no number ("not yet measured").
 */
export function parseMeasureValue(raw: string | undefined): { value: number; percent: boolean } | null {
  if (!raw) return null;
  const text = raw.replace(/,(?=\d{3}\b)/g, "");
  const ratio = text.match(/(-?\d+(?:\.\d+)?)\s*(?:of|out of|\/)\s*(\d+(?:\.\d+)?)/i);
  if (ratio) {
    const [a, b] = [Number(ratio[1]), Number(ratio[2])];
    return b > 0 ? { value: Math.round((a / b) * 1000) / 10, percent: true } : null;
  }
  const n = text.match(/-?\d+(?:\.\d+)?/);
  if (!n) return null;
  return { value: Number(n[0]), percent: /%/.test(text) };
}
