import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgrammeRepository } from "../../../src/core/ports/programme-repository.js";
import { BUSY_REPLY } from "../../../src/platforms/reply-budget.js";
import { holdRepository } from "../../support/held-repository.js";
import { MEMBER, personalMessage } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";

/**
 * Promise (issue 15): a Teams message is answered (HTTP 200) within the reply budget however slow the
 * database is, so Teams never redelivers it; the reply reaches the Bot Connector once it is ready. With
 * the core full the person is told "busy" through the connector and the database is not asked.
 */
describe("Teams messages while the database is slow", () => {
  let h: TeamsHarness;
  let db: ReturnType<typeof holdRepository<ProgrammeRepository>>;
  beforeAll(async () => {
    h = await startTeamsHarness({
      now: "2022-11-28T10:00:00Z",
      env: { REPLY_BUDGET_MS: "50", MAX_REQUESTS_IN_FLIGHT: "1" },
      // The handlers keep their own copy of deps, so the held repository goes in before they are built.
      configure: (deps) => {
        db = holdRepository(deps.programmes);
        deps.programmes = db.held;
      },
    });
  }, 180_000);
  afterAll(() => h?.close());

  const message = (text: string) =>
    h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from: MEMBER, text }));
  const sent = () => h.connector.activities().map((a) => JSON.stringify(a.body));

  it("answers 200 before the database does, says 'busy' when full, and posts the reply when ready", async () => {
    const res = await message("next");
    expect(res.status).toBe(200);
    expect(db.waiting()).toBeGreaterThan(0);
    expect(h.connector.activities()).toHaveLength(0);

    // The core holds one request: the next one is told "busy" at once, without a database call.
    const asked = db.calls();
    const busy = await message("help");
    expect(busy.status).toBe(200);
    expect(db.calls()).toBe(asked);
    expect(sent()).toHaveLength(1);
    expect(BUSY_REPLY).toContain("busy right now");
    expect(sent()[0]).toContain("busy right now");

    db.release();
    await expect.poll(() => sent().length, { timeout: 10_000 }).toBe(2);
    expect(sent()[1]).toContain("Next coaching session");
  });
});
