import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

/**
 * `cohort reminders due` shows what the scheduler would really send: on the seed programme, with a 3-day
 * catch-up window, nothing at an instant in quiet time (issue 14), and with --deferred what waits.
 * Then the real server (playground clock) lives through Friday-night downtime, and `cohort reminders log`
 * shows each message's planned time and the time it really went out.
 */
let dir = "";
const env = { DATABASE_URL: "", SCHEDULER: "false" };
const cli = async (...args: string[]) => {
  const r = await runCli(args, { env });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
type DueRow = { kind: string; status: string; sendAt: string | null; scheduledFor: string; team: string | null };
const due = async (at: string, ...flags: string[]) =>
  JSON.parse(await cli("reminders", "due", "--at", at, "--window", "4320", "--json", ...flags)) as DueRow[];

// Each CLI run is a real process opening the embedded database: seconds each on a busy machine.
const SLOW = PROCESS_TEST_TIMEOUT;

// The seed programme, as a first start leaves it (a copy: no initdb or seed import here).
beforeAll(async () => {
  dir = await seededDataFolder();
  env.DATABASE_URL = `pglite:${dir}`;
}, SLOW);

describe("reminders due --at <quiet instant> --window 4320 (3 days of catch-up)", () => {
  // Every instant the issue found is checked on the same dry run in-process
  // (test/db/reminders/preview-due-quiet-instants.test.ts); here the command itself, at the first.
  it("lists nothing to send at Sat 26 Nov 2022 10:00", { timeout: SLOW }, async () => {
    expect(await due("2022-11-26T10:00:00Z")).toEqual([]);
  });

  it("lists what waits with --deferred, with the time it will go out", { timeout: SLOW }, async () => {
    const waiting = await due("2022-11-26T10:00:00Z", "--deferred");
    // The November nudge (Fri 25 Nov 10:00) to 12 teams × 3 platforms, missed over Friday: Monday 08:00.
    expect(waiting).toHaveLength(36);
    for (const r of waiting)
      expect(r).toMatchObject({
        kind: "cycle-nudge",
        status: "deferred",
        scheduledFor: "2022-11-25T10:00:00.000Z",
        sendAt: "2022-11-28T08:00:00.000Z",
      });
    const text = await cli("reminders", "due", "--at", "2022-11-26T10:00:00Z", "--window", "4320", "--deferred");
    expect(text).toContain("[deferred to Mon 28 Nov 2022, 08:00]");
    // At Monday 08:00 they are really due.
    expect((await due("2022-11-28T08:00:00Z")).filter((r) => r.kind === "cycle-nudge")).toHaveLength(36);
  });
});

describe("the server catches up after Friday-night downtime on Monday 08:00, and the log shows both times", () => {
  let server: SpawnedServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("sends the missed nudges once, on Monday 08:00", { timeout: 2 * SLOW }, async () => {
    server = await spawnServer({ ...env, PLAYGROUND: "true" });
    const jump = async (to: string) => {
      const res = await fetch(`${server?.url}/playground/api/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { tick: { sent: number; deferred: number } };
    };
    // Down from Thursday evening to Friday 22:00: the Friday 10:00 nudge was missed.
    await jump("2022-11-24T18:00");
    const friday = await jump("2022-11-25T22:00");
    expect(friday.tick).toMatchObject({ sent: 0, deferred: 12 });
    expect((await jump("2022-11-26T10:00")).tick.sent).toBe(0);
    // The dry run (joining the running server's database) sees the 12 playground nudges waiting in the
    // outbox and the 24 Slack/Teams ones the planner would add: all 36 go out at Monday 08:00.
    const monday = (await due("2022-11-28T08:00:00Z")).filter((r) => r.kind === "cycle-nudge") as (DueRow & {
      source: string;
    })[];
    expect(monday.filter((r) => r.source === "outbox")).toHaveLength(12);
    expect(monday).toHaveLength(36);
    expect(await due("2022-11-27T10:00:00Z")).toEqual([]);
    expect((await jump("2022-11-28T07:59")).tick.sent).toBe(0);
    expect((await jump("2022-11-28T08:00")).tick.sent).toBe(12);
    expect((await jump("2022-11-28T08:05")).tick.sent).toBe(0);
    await server.stop();
    server = undefined;

    const log = JSON.parse(await cli("reminders", "log", "--status", "sent", "--limit", "500", "--json")) as {
      kind: string;
      plannedFor: string;
      sentAt: string;
    }[];
    const nudges = log.filter((r) => r.kind === "cycle-nudge");
    expect(nudges).toHaveLength(12);
    for (const r of nudges)
      expect(r).toMatchObject({ plannedFor: "2022-11-25T10:00:00.000Z", sentAt: "2022-11-28T08:00:00.000Z" });
    const text = await cli("reminders", "log", "--status", "sent", "--limit", "500");
    expect(text).toMatch(/planned Fri 25 Nov 2022, 10:00 +sent Mon 28 Nov 2022, 08:00 +sent +cycle-nudge/);
  });
});
