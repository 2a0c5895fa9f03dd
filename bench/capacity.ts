import { type LoadRequest, type LoadResult, pacedLoad } from "./paced-load.js";

/** The rates tried, doubling; the search stops at the first that fails. */
export const CAPACITY_RATES = [100, 200, 400, 800, 1600, 3200];
/** A step passes with no errors and p99 under this (a person waiting a second is at the edge of "slow"). */
export const CAPACITY_P99_MS = 1_000;

export type CapacityStep = { rate: number; passed: boolean; errors: number; sent: number; p99: number };
/** `rate`: the highest rate that passed (0 when even the first failed); `capped` when the last rate passed. */
export type Capacity = { rate: number; capped: boolean; steps: CapacityStep[] };

/**
 * The highest rate (requests/s) at which a server keeps 0 errors and p99 < 1 s: short open-loop steps at
 * doubling rates, stopping at the first failure. A pause after each step lets a queue left by a failed or
 * heavy step drain before the next measurement starts.
 */
export async function findCapacity(options: {
  baseUrl: string;
  request: (step: string) => (i: number) => LoadRequest;
  check: (status: number, body: string) => boolean;
  deadlineMs: number;
  stepMs: number;
  name: string;
}): Promise<Capacity> {
  const steps: CapacityStep[] = [];
  let rate = 0;
  for (const r of CAPACITY_RATES) {
    const result: LoadResult = await pacedLoad({
      baseUrl: options.baseUrl,
      rate: r,
      durationMs: options.stepMs,
      request: options.request(`${options.name}-cap-${r}`),
      check: options.check,
      deadlineMs: options.deadlineMs,
      timeoutMs: 5_000,
    });
    const passed = result.errors === 0 && result.latency.p99 < CAPACITY_P99_MS;
    steps.push({ rate: r, passed, errors: result.errors, sent: result.sent, p99: result.latency.p99 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (!passed) break;
    rate = r;
  }
  return { rate, capped: rate === CAPACITY_RATES.at(-1), steps };
}
