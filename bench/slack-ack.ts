import type { BenchServer } from "./bench-server.js";
import { type Capacity, findCapacity } from "./capacity.js";
import { type LoadResult, pacedLoad } from "./paced-load.js";
import { slashCommand } from "./slack-requests.js";

export type SlackRuns = { byRate: Record<string, LoadResult>; next: LoadResult };
export type AckPair = { ours: LoadResult; bare: LoadResult; p50Ratio: number; p99Ratio: number };

const WARMUP = { rate: 100, durationMs: 2_000 };
/** Slack shows the user "operation_timeout" when the ack takes longer: a late ack is an error. */
export const SLACK_DEADLINE_MS = 3_000;

/**
 * What counts as answered: the reply itself in the ack. "Working on it…" (the reply follows through
 * response_url) and "busy" are the server protecting Slack's deadline, so under load they count as errors
 * here: the bench measures the load at which people still get their answer at once.
 */
export const isHelp = (_status: number, body: string) =>
  body.includes("update") && body.includes("next") && !body.includes("Working on it");
export const isNext = (_status: number, body: string) => body.includes("Next coaching session");

type Target = { url: string; responseUrl: string; name: string };

/**
 * Slash-command ack latency at each rate: signed `/cohort help` from a known member through
 * /slack/events (the reply rides in the ack), after a warm-up; then `/cohort next` at 100 req/s (our
 * server only: the baseline has one trivial command). A reply that is not the expected text counts as an
 * error, as does an ack later than Slack's 3 s, any non-2xx, timeout or socket error.
 */
export async function benchSlack(
  target: Target,
  plan: { rates: number[]; durationMs: Record<number, number>; next: boolean },
): Promise<{ byRate: Record<string, LoadResult>; next?: LoadResult }> {
  const load = (text: string, run: string, rate: number, durationMs: number, check = isHelp) =>
    pacedLoad({
      baseUrl: target.url,
      rate,
      durationMs,
      request: slashCommand(text, `${target.name}-${run}`, target.responseUrl),
      check,
      deadlineMs: SLACK_DEADLINE_MS,
    });
  await load("help", "warm", WARMUP.rate, WARMUP.durationMs);
  const byRate: Record<string, LoadResult> = {};
  for (const rate of plan.rates)
    byRate[rate] = await load("help", `help-${rate}`, rate, plan.durationMs[rate] ?? 5_000);
  // `next` reads sessions, milestones and the team's cycle: heavier than help, still answered in the ack.
  const next = plan.next ? await load("next", "next-100", 100, plan.durationMs[100] ?? 5_000, isNext) : undefined;
  return { byRate, next };
}

/** Capacity (capacity.ts) of `/cohort <text>` on a server. */
export function slackCapacity(
  target: Target,
  text: "help" | "next",
  stepMs: number,
  check = text === "help" ? isHelp : isNext,
): Promise<Capacity> {
  return findCapacity({
    baseUrl: target.url,
    name: `${target.name}-${text}`,
    request: (step) => slashCommand(text, step, target.responseUrl),
    check,
    deadlineMs: SLACK_DEADLINE_MS,
    stepMs,
  });
}

export function pair(ours: LoadResult, bare: LoadResult): AckPair {
  return {
    ours,
    bare,
    p50Ratio: ratio(ours.latency.p50, bare.latency.p50),
    p99Ratio: ratio(ours.latency.p99, bare.latency.p99),
  };
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export function oursTarget(bench: BenchServer, name: string): Target {
  return { url: bench.server.url, responseUrl: bench.slackApi.responseUrl, name };
}
