import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ProgrammeRepository } from "../../../src/core/ports/programme-repository.js";
import { BUSY_REPLY } from "../../../src/platforms/reply-budget.js";
import { holdRepository } from "../../support/held-repository.js";
import { type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

/**
 * Promise (issue 15): a slash command is acked within Slack's deadline however slow the database is.
 * The reply that needs the database follows through response_url once it is ready; with the core full,
 * the ack itself says "busy" and the database is not asked at all. The database is held, not timed:
 * every check is "the ack came while the database call was still waiting".
 */
describe("Slack commands while the database is slow", () => {
  let h: SlackHarness;
  let real: ProgrammeRepository;
  beforeAll(async () => {
    // A short budget and a small core keep the test quick; production defaults are 1.5 s and 200.
    h = await startSlackHarness({ env: { REPLY_BUDGET_MS: "50", MAX_REQUESTS_IN_FLIGHT: "2" } });
    real = h.deps.programmes;
  }, 180_000);
  beforeEach(() => {
    h.deps.programmes = real;
    h.fake.reset();
  });
  afterAll(async () => {
    h.deps.programmes = real;
    await h?.close();
  });

  it("acks at once with 'Working on it…' and sends the real reply through response_url later", async () => {
    const db = holdRepository(real);
    h.deps.programmes = db.held;
    const res = await h.command("next", { user_id: "U0SPITWH1" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Working on it");
    // The ack went out while the database call it would have waited for was still held.
    expect(db.waiting()).toBeGreaterThan(0);
    expect(h.fake.callsTo("response")).toHaveLength(0);

    db.release();
    const [reply] = await h.fake.waitFor("response", 1, 10_000);
    expect(JSON.stringify(reply?.params)).toContain("Next coaching session");
    expect(reply?.params.response_type).toBe("ephemeral");
  });

  it("answers 'busy' in the ack, without asking the database, once the core is full", async () => {
    const db = holdRepository(real);
    h.deps.programmes = db.held;
    const first = await h.command("next", { user_id: "U0SPITWH1" });
    const second = await h.command("status", { user_id: "U0SPITWH1" });
    expect([first.text, second.text].every((t) => t.includes("Working on it"))).toBe(true);
    const asked = db.calls();

    const third = await h.command("next", { user_id: "U0SPITWH1" });
    expect(third.status).toBe(200);
    expect(third.json().text).toBe(BUSY_REPLY);
    expect(db.calls()).toBe(asked);

    // The two it took are still answered once the database is back, and there is room again.
    db.release();
    await h.fake.waitFor("response", 2, 10_000);
    h.deps.programmes = real;
    const after = await h.command("help", { user_id: "U0SPITWH1" });
    expect(after.status).toBe(200);
    expect(after.text).not.toContain("busy");
  });
});
