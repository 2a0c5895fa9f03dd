import { MEMBER, personalMessage } from "../test/support/teams-activities.js";
import type { BenchServer } from "./bench-server.js";
import { type LoadResult, pacedLoad } from "./paced-load.js";

/**
 * Teams activity latency at a fixed rate: personal-chat "next" messages from a known member, each with
 * a unique activity id, POSTed to the spawned server's /api/messages. The handler posts its reply card
 * to the fake Bot Connector before answering, so each sample includes that round trip. A reply not
 * ready within the reply budget (src/platforms/reply-budget.ts) is posted after the answer, so such a
 * sample is at least the budget (1.5 s): p99 < 1 s means 99 % of replies reached the connector within it.
 * Every reply must reach the connector (waited for up to 10 s after the load), or the missing ones count
 * as errors.
 */
export async function benchTeams(bench: BenchServer, rate: number, durationMs: number): Promise<LoadResult> {
  const { connector } = bench;
  const run = async (name: string, r: number, ms: number) => {
    connector.reset();
    const result = await pacedLoad({
      baseUrl: bench.server.url,
      rate: r,
      durationMs: ms,
      request: (i) => ({
        path: "/api/messages",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          personalMessage({ serviceUrl: connector.url, id: `${name}-${i}`, from: MEMBER, text: "next" }),
        ),
      }),
    });
    const waitUntil = performance.now() + 10_000;
    while (connector.activities().length < result.ok && performance.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const replies = connector.activities().length;
    if (replies < result.ok) {
      result.errorKinds["reply not posted"] = result.ok - replies;
      result.errors += result.ok - replies;
    }
    return result;
  };
  await run("warm", 50, 2_000);
  return run("load", rate, durationMs);
}
