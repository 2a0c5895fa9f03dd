import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundEvents } from "../../src/core/ports/inbound-events.js";
import { DEFAULT_REPLY_BUDGET_MS } from "../../src/platforms/reply-budget.js";
import { type SlackHarness, startSlackHarness } from "../support/slack-harness.js";

/**
 * Promise: a slash command gets a clear answer within Slack's 3 s even when the database does not
 * answer at all or fails (it used to hang on the retry check and Slack showed a bare error): a retry,
 * which must be checked, gets "try again"; a first delivery does not wait for the check at all.
 * Runs without PostgreSQL; database-outage.test.ts proves the same against a real cut connection.
 */
describe("Slack commands while the database is unreachable", () => {
  let h: SlackHarness;
  let real: InboundEvents;
  beforeAll(async () => {
    // The production reply budget: what is tested is the answer within Slack's deadline.
    h = await startSlackHarness({ env: { REPLY_BUDGET_MS: String(DEFAULT_REPLY_BUDGET_MS) } });
    real = h.deps.inbound;
  });
  afterAll(async () => {
    h.deps.inbound = real;
    await h?.close();
  });

  const cases: [string, InboundEvents][] = [
    ["hangs", { firstTime: () => new Promise<boolean>(() => {}) }],
    ["fails", { firstTime: async () => Promise.reject(new Error("connect ECONNREFUSED")) }],
  ];
  const RETRY = { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" };
  for (const [what, inbound] of cases) {
    it(`a retry is answered 200 with an apology when the database ${what}`, async () => {
      h.deps.inbound = inbound;
      const res = await h.command("help", { user_id: "U0SPITWH1" }, "good", RETRY);
      console.log(
        `[reliability] slack ack without database (${what}): status=${res.status}, ${res.ms.toFixed(0)} ms, unanswered=0`,
      );
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/try again/);
      expect(res.ms).toBeLessThan(2_900);
    });

    // A first delivery never waits for the retry record (retry-guard.ts): the answer does not depend on it.
    it(`a first delivery is answered at once when the retry record ${what}`, async () => {
      h.deps.inbound = inbound;
      const res = await h.command("help", { user_id: "U0SPITWH1" });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/update/);
      // The help text itself in the ack: had it waited for the record, the budget would have acked
      // "Working on it…" instead.
      expect(res.text).not.toMatch(/try again|Working on it/);
    });
  }
});
