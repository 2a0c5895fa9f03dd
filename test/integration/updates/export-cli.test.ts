import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fillSampleUpdates } from "../../../scripts/sample-updates.js";
import { buildCoreDeps } from "../../../src/app/build-deps.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { UPDATE_COLUMNS } from "../../../src/core/updates/list-update-rows.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { runCli } from "../../support/run-cli.js";
import { seededDatabaseUrl, seededDataFolder } from "../../support/seeded-data-folder.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const HEADER = UPDATE_COLUMNS.join(",");
const NASTY = {
  progress: '=HYPERLINK("http://evil.example","click")',
  wins: "+1 for the team",
  blockers: "-2 link workers off sick",
  notes: '@channel please read, "quoted", and\nsecond line',
  pdsa: "\tcmd|' /C calc'!A0",
};

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = await seededDataFolder(); // the seed programme, as a first start leaves it
  env = { DATABASE_URL: `pglite:${dir}` };
  const db = await openDatabase({ kind: "pglite", dir });
  try {
    const { id: programmeId } = await db.prisma.programme.findUniqueOrThrow({ where: { slug: "sp-innovators-2022" } });
    const deps = buildCoreDeps({ db, clock: fixedClock("2022-12-01T09:00:00Z"), logger: silentLogger });
    await fillSampleUpdates({ deps, programmeId });
    const team = (await deps.programmes.listTeams(programmeId)).find((t) => t.key === "lewisham");
    const cycle = await deps.programmes.getCycle(programmeId, "2022-11");
    if (!team || !cycle) throw new Error("fixture");
    await deps.updates.save({
      teamId: team.id,
      cycleId: cycle.id,
      status: "submitted",
      data: { rag: "on-track", people: 5, spend: 100, ...NASTY },
      late: false,
      submittedAt: cycle.dueAt,
      submittedById: null,
      savedById: "test",
      savedAt: cycle.dueAt,
    });
  } finally {
    await db.close();
  }
}, PROCESS_TEST_TIMEOUT);

describe("cohort export updates (CLI)", () => {
  it("prints only the header on a fresh, seeded database", async () => {
    const csv = await runCli(["export", "updates", "--format", "csv"], {
      env: { DATABASE_URL: await seededDatabaseUrl() },
    });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(`${HEADER}\n`);
  });

  it("round-trips through a CSV parser, with formula cells neutralised", async () => {
    const [csv, json] = await Promise.all([
      runCli(["export", "updates", "--format", "csv", "--cycle", "2022-11"], { env }),
      runCli(["export", "updates", "--format", "json", "--cycle", "2022-11"], { env }),
    ]);
    expect(csv.stderr).toBe("");
    expect(csv.code).toBe(0);
    const records: Record<string, string>[] = parse(csv.stdout, { columns: true });
    const rows: Record<string, unknown>[] = JSON.parse(json.stdout);
    expect(records).toHaveLength(10); // 8 sample submissions + 1 draft + the injection fixture
    expect(rows).toHaveLength(10);
    expect(Object.keys(records[0] ?? {})).toEqual([...UPDATE_COLUMNS]);

    const lewisham = records.find((r) => r.team === "lewisham");
    expect(lewisham).toMatchObject({
      progress: `'${NASTY.progress}`,
      wins: `'${NASTY.wins}`,
      blockers: `'${NASTY.blockers}`,
      notes: `'${NASTY.notes}`,
      pdsa: `'${NASTY.pdsa}`,
      people_supported: "5",
      spend_to_date: "100",
    });
    // Every other cell equals the JSON export once the added quote is taken off.
    records.forEach((record, i) => {
      for (const column of UPDATE_COLUMNS) {
        const value = rows[i]?.[column];
        const expected = value === null || value === undefined ? "" : String(value);
        expect(record[column]?.replace(/^'(?=[=+\-@\t\r])/, "")).toBe(expected);
      }
    });
    expect(records.find((r) => r.team === "barnet")).toMatchObject({ status: "draft", submitted_at: "" });
    expect(records.find((r) => r.team === "newham")).toMatchObject({ late: "true", rag: "off-track" });
  });

  it("refuses bad flags with exit code 2", async () => {
    const format = await runCli(["export", "updates", "--format", "xml"], { env });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be csv or json");
    const cycle = await runCli(["export", "updates", "--cycle", "2022-13"], { env });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain("--cycle must be a month like 2022-11");
  });
});

describe("cohort digest preview (CLI)", () => {
  it("prints the text digest for a cycle", async () => {
    const result = await runCli(["digest", "preview", "--cycle", "2022-11"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Progress digest: November 2022\n/);
    expect(result.stdout).toContain("Submitted: 9 of 12");
  });

  it("prints Slack Block Kit and Teams Adaptive Card JSON", async () => {
    const [slack, teams] = await Promise.all([
      runCli(["digest", "preview", "--cycle", "2022-11", "--format", "slack"], { env }),
      runCli(["digest", "preview", "--cycle", "2022-11", "--format", "teams"], { env }),
    ]);
    expect(slack.code).toBe(0);
    expect(JSON.parse(slack.stdout).blocks.length).toBeGreaterThan(3);
    expect(slack.stdout).not.toContain("<!channel>");
    expect(teams.code).toBe(0);
    expect(JSON.parse(teams.stdout)).toMatchObject({ type: "AdaptiveCard" });
    const bad = await runCli(["digest", "preview", "--format", "html"], { env });
    expect(bad.code).toBe(2);
  });
});
