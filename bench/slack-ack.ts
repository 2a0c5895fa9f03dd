import { startBareBolt } from "./bare-bolt.js";
import type { BenchServer } from "./bench-server.js";
import { type LoadResult, pacedLoad } from "./paced-load.js";
import { slashCommand } from "./slack-requests.js";

export type AckRun = { ours: LoadResult; bare: LoadResult; p50Ratio: number; p99Ratio: number };
export type SlackAckResults = { byRate: Record<string, AckRun>; next: LoadResult };

const WARMUP = { rate: 100, durationMs: 2_000 };
/** Slack shows the user "operation_timeout" when the ack takes longer: a late ack is an error. */
const SLACK_DEADLINE_MS = 3_000;

/**
 * Slash-command ack latency, ours vs. a bare Bolt app, at each rate: signed `/cohort help` from a
 * known member through the spawned server's /slack/events (the reply rides in the ack), then the same
 * load on the baseline in a worker thread. Both get the same warm-up first. A reply that is not the
 * help text counts as an error, as does an ack later than Slack's 3 s, any non-2xx, timeout or socket error.
 */
export async function benchSlackAck(
  bench: BenchServer,
  plan: { rates: number[]; durationMs: Record<number, number> },
): Promise<SlackAckResults> {
  const responseUrl = bench.slackApi.responseUrl;
  const isHelp = (_status: number, body: string) => body.includes("update") && body.includes("next");
  const bare = await startBareBolt();
  try {
    const load = (url: string, name: string, rate: number, durationMs: number, text = "help") =>
      pacedLoad({
        baseUrl: url,
        rate,
        durationMs,
        request: slashCommand(text, name, responseUrl),
        check: isHelp,
        deadlineMs: SLACK_DEADLINE_MS,
      });
    await load(bench.server.url, "warm-ours", WARMUP.rate, WARMUP.durationMs);
    await load(bare.url, "warm-bare", WARMUP.rate, WARMUP.durationMs);
    const byRate: Record<string, AckRun> = {};
    for (const rate of plan.rates) {
      const durationMs = plan.durationMs[rate] ?? 5_000;
      const ours = await load(bench.server.url, `ours-${rate}`, rate, durationMs);
      const bareRun = await load(bare.url, `bare-${rate}`, rate, durationMs);
      byRate[rate] = {
        ours,
        bare: bareRun,
        p50Ratio: ratio(ours.latency.p50, bareRun.latency.p50),
        p99Ratio: ratio(ours.latency.p99, bareRun.latency.p99),
      };
    }
    // `next` reads sessions, milestones and the team's cycle: heavier than help, still answered in the ack.
    const next = await pacedLoad({
      baseUrl: bench.server.url,
      rate: 100,
      durationMs: plan.durationMs[100] ?? 5_000,
      request: slashCommand("next", "next-100", responseUrl),
      check: (_s, body) => body.includes("response_type"),
      deadlineMs: SLACK_DEADLINE_MS,
    });
    return { byRate, next };
  } finally {
    await bare.stop();
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
