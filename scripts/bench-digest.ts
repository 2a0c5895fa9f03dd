/**
 * Digest build time for a large cohort: 1,000 teams with 6 monthly cycles of history (6,000 updates).
 *   npm run --silent bench:digest            (embedded in-memory PGlite)
 *   DATABASE_URL=postgres://... npm run --silent bench:digest   (a scratch PostgreSQL database: it adds a programme)
 * Prints one JSON line: median / min / max milliseconds for buildDigest, over 7 runs after a warm-up.
 */
import { randomUUID } from "node:crypto";
import { buildCoreDeps } from "../src/app/build-deps.js";
import { buildDigest } from "../src/core/digests/build-digest.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import { parseDatabaseUrl } from "../src/db/database-url.js";
import { openDatabase } from "../src/db/open-database.js";

const TEAMS = Number(process.env.BENCH_TEAMS ?? 1000);
const MONTHS = ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03"];
const RAGS = ["on-track", "at-risk", "off-track"] as const;

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? parseDatabaseUrl(url) : { kind: "pglite", dir: null });
try {
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const programme = await db.prisma.programme.create({
    data: {
      slug,
      name: "Bench",
      startsOn: new Date("2022-10-01"),
      endsOn: new Date("2023-03-31"),
      totalFunding: TEAMS * 10_000,
    },
  });
  await db.prisma.team.createMany({
    data: Array.from({ length: TEAMS }, (_, i) => ({
      programmeId: programme.id,
      key: `team-${i}`,
      name: `Team ${String(i).padStart(4, "0")}`,
      award: 10_000,
      calendarToken: `${slug}-${i}`,
    })),
  });
  await db.prisma.reportingCycle.createMany({
    data: MONTHS.map((month) => ({
      programmeId: programme.id,
      month,
      opensAt: new Date(`${month}-20T09:00:00Z`),
      dueAt: new Date(`${month}-28T17:00:00Z`),
    })),
  });
  const teams = await db.prisma.team.findMany({ where: { programmeId: programme.id } });
  const cycles = await db.prisma.reportingCycle.findMany({ where: { programmeId: programme.id } });
  for (const [c, cycle] of cycles.entries()) {
    await db.prisma.progressUpdate.createMany({
      data: teams
        // About 1 in 12 teams misses each month; 1 in 10 is late.
        .filter((_, t) => (t + c) % 12 !== 0)
        .map((team, t) => ({
          teamId: team.id,
          cycleId: cycle.id,
          status: "submitted" as const,
          late: t % 10 === 0,
          submittedAt: cycle.dueAt,
          data: {
            rag: RAGS[(t + c) % 7 === 0 ? 2 : (t + c) % 5 === 0 ? 1 : 0],
            progress: `Month ${c + 1}: tested change ${t % 17} with ${t % 9} link workers.`,
            people: (t * 7 + c) % 40,
            spend: Math.min(10_000, 1000 * (c + 1) + (t % 500)),
            ...(t % 13 === 0 ? { blockers: "Waiting for IG sign-off." } : {}),
            ...(t % 11 === 0 ? { support: "coaching", supportDetail: "Run charts" } : {}),
          },
        })),
    });
  }

  const deps = buildCoreDeps({ db, clock: fixedClock("2023-04-01T09:00:00Z"), logger: silentLogger });
  const month = MONTHS.at(-1) as string;
  const run = async () => {
    const start = performance.now();
    const digest = await buildDigest({ deps, programmeId: programme.id, month });
    return { ms: performance.now() - start, blocks: digest.blocks.length };
  };
  await run(); // warm-up (JIT, connection pool)
  const results = [];
  for (let i = 0; i < 7; i++) results.push(await run());
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      teams: TEAMS,
      cycles: MONTHS.length,
      updates: await db.prisma.progressUpdate.count({ where: { team: { programmeId: programme.id } } }),
      database: url ? parseDatabaseUrl(url).kind : "pglite:memory",
      medianMs: round(ms[3] ?? 0),
      minMs: round(ms[0] ?? 0),
      maxMs: round(ms.at(-1) ?? 0),
      blocks: results[0]?.blocks,
    })}\n`,
  );
  if (url) await db.prisma.programme.delete({ where: { id: programme.id } });
} finally {
  await db.close();
}
