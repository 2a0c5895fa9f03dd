import { buildCoreDeps } from "../src/app/build-deps.js";
import { updatesCsv } from "../src/cli/commands/export.js";
import { buildDigest } from "../src/core/digests/build-digest.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import { listUpdateRows } from "../src/core/updates/list-update-rows.js";
import type { Database } from "../src/db/open-database.js";
import { seedLargeCohort } from "./cohort-fixture.js";
import { type Summary, summarise, timeRuns } from "./stats.js";

const deps = (db: Database) => buildCoreDeps({ db, clock: fixedClock("2023-04-01T09:00:00Z"), logger: silentLogger });

/**
 * buildDigest for the last month of a `teams`-team programme with six months of history (about 1 in 12
 * teams missing each month), over `runs` runs after a warm-up (JIT, connection pool).
 */
export async function benchDigest(db: Database, teams = 1000, runs = 7) {
  const cohort = await seedLargeCohort(db, { teams });
  const core = deps(db);
  const month = cohort.months.at(-1) as string;
  let blocks = 0;
  const ms = await timeRuns(runs, async () => {
    blocks = (await buildDigest({ deps: core, programmeId: cohort.programmeId, month })).blocks.length;
  });
  return {
    programmeId: cohort.programmeId,
    teams,
    cycles: cohort.months.length,
    updates: cohort.updates,
    blocks,
    ms: summarise(ms),
  };
}

/**
 * `cohort export updates --format csv` in process, on exactly `updates` updates (2,000 teams × 5 months
 * for 10,000): the same listUpdateRows + updatesCsv the CLI runs, minus opening the database.
 */
export async function benchCsvExport(
  db: Database,
  updates = 10_000,
  runs = 5,
): Promise<{ updates: number; bytes: number; ms: Summary }> {
  const cohort = await seedLargeCohort(db, { teams: updates / 5, months: 5, missEvery: 0 });
  const core = deps(db);
  let rows = 0;
  let bytes = 0;
  const ms = await timeRuns(runs, async () => {
    const list = await listUpdateRows({ deps: core, programmeId: cohort.programmeId });
    rows = list.length;
    bytes = Buffer.byteLength(updatesCsv(list));
  });
  if (rows !== cohort.updates) throw new Error(`export listed ${rows} rows, expected ${cohort.updates}`);
  return { updates: rows, bytes, ms: summarise(ms) };
}
