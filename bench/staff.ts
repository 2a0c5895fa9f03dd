/**
 * Staff pages and the end-of-programme report: time to answer GET /staff (through the real routes and
 * HTTP server, playground sign-in) and to render the report, and the report's size, for
 * 1. the seed programme (12 teams) with six months of sample updates, and
 * 2. a synthetic 1,000 teams × 6 months (bench/cohort-fixture.ts).
 * Shared by `npm run bench` (one row) and `npx tsx bench/staff.ts` (all figures, JSON on stdout).
 */

import { fillSixMonthsOfUpdates } from "../scripts/sample-six-months.js";
import { buildCoreDeps } from "../src/app/build-deps.js";
import { loadProgrammeFile } from "../src/config/load-programme-file.js";
import type { CoreDeps } from "../src/core/deps.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import type { Programme } from "../src/core/programme/types.js";
import { importProgramme } from "../src/db/import-programme.js";
import { type Database, openDatabase } from "../src/db/open-database.js";
import { startHttpServer } from "../src/http/server.js";
import { createPlaygroundSignIn } from "../src/web/playground-sign-in.js";
import { renderProgrammeReport } from "../src/web/report/render-report.js";
import { staffRoutes } from "../src/web/staff-routes.js";
import { seedLargeCohort } from "./cohort-fixture.js";
import { type Summary, summarise, timeRuns } from "./stats.js";

const NOW = "2023-04-03T09:00:00Z";

export type StaffBench = {
  teams: number;
  updates: number;
  overview: Summary;
  overviewBytes: number;
  teamPage: Summary;
  report: Summary;
  /** CPU time (user + system) of the last report run, in ms. */
  reportCpuMs: number;
  reportBytes: number;
};

async function measure(deps: CoreDeps, programme: Programme, staffKey: string, runs: number): Promise<StaffBench> {
  const http = await startHttpServer({
    routes: () => staffRoutes({ deps, signIn: createPlaygroundSignIn({ deps }) }),
    port: 0,
    host: "127.0.0.1",
    logger: silentLogger,
  });
  const base = `http://127.0.0.1:${http.port}`;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
    return text;
  };
  try {
    const teams = await deps.programmes.listTeams(programme.id);
    const cycles = await deps.programmes.listCycles(programme.id);
    const updates = (await deps.updates.listForCycles(cycles.map((c) => c.id))).length;
    let overviewBytes = 0;
    const overview = await timeRuns(runs, async () => {
      overviewBytes = Buffer.byteLength(await get(`/staff?as=${staffKey}`));
    });
    const teamPage = await timeRuns(runs, () => get(`/staff/teams/${teams[0]?.key}?as=${staffKey}`));
    let reportBytes = 0;
    // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
    let reportCpuMs = 0;
    const report = await timeRuns(runs, async () => {
      const cpu = process.cpuUsage();
      reportBytes = Buffer.byteLength(await renderProgrammeReport({ deps, programme }));
      const used = process.cpuUsage(cpu);
      reportCpuMs = (used.user + used.system) / 1000;
    });
    return {
      teams: teams.length,
      updates,
      overview: summarise(overview),
      overviewBytes,
      teamPage: summarise(teamPage),
      report: summarise(report),
      reportCpuMs: Math.round(reportCpuMs),
      reportBytes,
    };
  } finally {
    await http.close();
  }
}

/** The seed programme with six months of sample updates. */
export async function benchStaffSeed(db: Database, runs = 5): Promise<StaffBench> {
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"), "bench");
  const deps = buildCoreDeps({ db, clock: fixedClock(NOW), logger: silentLogger });
  const programme = (await deps.programmes.getProgrammeBySlug("sp-innovators-2022")) as Programme;
  await fillSixMonthsOfUpdates({ deps, programmeId: programme.id });
  return measure(deps, programme, "amara-okafor", runs);
}

/** 1,000 teams × 6 months, one staff member with a playground identity. */
export async function benchStaffLarge(db: Database, teams = 1000, runs = 3): Promise<StaffBench> {
  const cohort = await seedLargeCohort(db, { teams });
  const staff = await db.prisma.member.create({
    data: { programmeId: cohort.programmeId, key: "bench-staff", name: "Bench Staff", role: "staff" },
  });
  await db.prisma.platformIdentity.create({
    data: { programmeId: cohort.programmeId, memberId: staff.id, platform: "local", externalId: "bench-staff" },
  });
  // Every update also reports a measure, so the report draws a run chart for every team.
  await db.prisma.$executeRaw`
    UPDATE "ProgressUpdate" u SET data = u.data || jsonb_build_object(
      'measure', 'Referrals seen within 2 weeks',
      'measureValue', (20 + (abs(hashtext(u.id)) % 60))::text || '%')
    FROM "Team" t WHERE t.id = u."teamId" AND t."programmeId" = ${cohort.programmeId}`;
  const deps = buildCoreDeps({ db, clock: fixedClock(NOW), logger: silentLogger });
  const programme = (await deps.programmes.getProgramme(cohort.programmeId)) as Programme;
  return measure(deps, programme, "bench-staff", runs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await openDatabase({ kind: "pglite", dir: null }, { poolSize: 4 });
  try {
    const seed = await benchStaffSeed(db);
    process.stderr.write(`seed: ${JSON.stringify(seed)}\n`);
    const large = await benchStaffLarge(db);
    process.stdout.write(`${JSON.stringify({ seed, large }, null, 2)}\n`);
  } finally {
    await db.close();
  }
}
