import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

// One embedded database folder shared by the CLI runs and the server, as an operator would use them.
// It starts as the seed programme, as a first start leaves it (a copy: no initdb or seed import here).
let dir = "";
const env = { DATABASE_URL: "", PLAYGROUND: "false", SCHEDULER: "false" };
const cli = (...args: string[]) => runCli(args, { env });

beforeAll(async () => {
  dir = await seededDataFolder();
  env.DATABASE_URL = `pglite:${dir}`;
});

describe("cohort import <file.ics> and reminders due (dry run)", () => {
  it("imports sessions from an .ics file, idempotently", async () => {
    const args = [
      "import",
      "test/fixtures/reminders/sessions.ics",
      "--programme",
      "sp-innovators-2022",
      "--team",
      "lambeth",
      "--json",
    ];
    const first = await cli(...args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ team: "lambeth", sessions: 3, created: 3 });
    const again = await cli(...args);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("lists what would go out at an instant, and stores nothing", async () => {
    // The imported 15:00 session on Wed 9 Nov 2022: one hour before is 14:00Z, to Lambeth's channels only.
    const due = await cli("reminders", "due", "--at", "2022-11-09T14:00:00Z", "--json");
    expect(due.code, due.stderr).toBe(0);
    const rows = JSON.parse(due.stdout) as {
      kind: string;
      team: string;
      target: string;
      scheduledFor: string;
      occasion: string;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ kind: "session-reminder", team: "lambeth", scheduledFor: "2022-11-09T14:00:00.000Z" });
      expect(r.occasion).toMatch(/-1h$/);
    }
    expect(rows.map((r) => r.target)).toContain("slack:C0SPILAM");
    // Cycle opens Mon 24 Oct 2022 09:00 BST: every team's channels get the "Update" announcement.
    const open = JSON.parse((await cli("reminders", "due", "--at", "2022-10-24T08:00:00Z", "--json")).stdout) as {
      kind: string;
      team: string;
    }[];
    expect(new Set(open.map((r) => r.kind))).toEqual(new Set(["cycle-open"]));
    expect(new Set(open.map((r) => r.team)).size).toBe(12);
    const log = await cli("reminders", "log", "--json");
    expect(log.code, log.stderr).toBe(0);
    expect(JSON.parse(log.stdout)).toEqual([]);
  });

  it("reads a zone-less --at in the programme's time zone (BST here), not the machine's", async () => {
    // 09:00 on Mon 24 Oct 2022 in London is 08:00Z: the cycle opens then, not an hour later.
    const local = await cli("reminders", "due", "--at", "2022-10-24 09:00", "--json");
    expect(local.code, local.stderr).toBe(0);
    const rows = JSON.parse(local.stdout) as { kind: string; scheduledFor: string }[];
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["cycle-open"]));
    expect(rows[0]?.scheduledFor).toBe("2022-10-24T08:00:00.000Z");
  });

  it("refuses a time that is not a time", async () => {
    const bad = await cli("reminders", "due", "--at", "next tuesday", "--json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--at/);
  });
});

describe("GET /calendar/<token>.ics", () => {
  let server: SpawnedServer;
  let token: string;

  beforeAll(async () => {
    const shown = await cli("programme", "show", "sp-innovators-2022", "--json");
    token = (JSON.parse(shown.stdout) as { teams: { key: string; calendarToken: string }[] }).teams.find(
      (t) => t.key === "lambeth",
    )!.calendarToken;
    server = await spawnServer(env);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves the team's sessions and milestones, programme-wide ones included", async () => {
    const res = await fetch(`${server.url}/calendar/${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const body = await res.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR/);
    expect(body).toContain("SUMMARY:Extra coaching: Lambeth");
    expect(body).toContain("SUMMARY:Programme kick-off and QI training day");
    expect(body).toContain("SUMMARY:Due: Final results shared");
    expect(body).not.toContain("Tower Hamlets (October 2022)");
  });

  it("answers 404 for an unknown or malformed token", async () => {
    expect((await fetch(`${server.url}/calendar/not-a-real-token-123.ics`)).status).toBe(404);
    expect((await fetch(`${server.url}/calendar/x.ics`)).status).toBe(404);
    expect((await fetch(`${server.url}/calendar/${token}`)).status).toBe(404);
  });
});
