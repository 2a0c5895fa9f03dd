import { randomUUID } from "node:crypto";
import type { Database } from "../src/db/open-database.js";

export const MONTHS = ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03"];
const RAGS = ["on-track", "at-risk", "off-track"] as const;

/**
 * A large synthetic programme written straight to the database: `teams` teams with up to six monthly
 * cycles of submitted updates. `missEvery` = 12 leaves about 1 team in 12 without an update each month
 * (as a real cohort has); 0 gives every team an update every month. Shared by the digest and CSV benches.
 */
export async function seedLargeCohort(
  db: Database,
  options: { teams: number; months?: number; missEvery?: number },
): Promise<{ programmeId: string; months: string[]; updates: number }> {
  const months = MONTHS.slice(0, options.months ?? MONTHS.length);
  const missEvery = options.missEvery ?? 12;
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const programme = await db.prisma.programme.create({
    data: {
      slug,
      name: "Bench",
      startsOn: new Date("2022-10-01"),
      endsOn: new Date("2023-03-31"),
      totalFunding: options.teams * 10_000,
    },
  });
  await db.prisma.team.createMany({
    data: Array.from({ length: options.teams }, (_, i) => ({
      programmeId: programme.id,
      key: `team-${i}`,
      name: `Team ${String(i).padStart(4, "0")}`,
      award: 10_000,
      calendarToken: `${slug}-${i}`,
    })),
  });
  await db.prisma.reportingCycle.createMany({
    data: months.map((month) => ({
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
        // 1 in 10 is late; `missEvery` decides who misses the month.
        .filter((_, t) => missEvery === 0 || (t + c) % missEvery !== 0)
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
            // A formula-looking answer, so the export's spreadsheet-safety pass does real work.
            ...(t % 17 === 0 ? { wins: "=SUM(A1:A9) people reached" } : {}),
          },
        })),
    });
  }
  const updates = await db.prisma.progressUpdate.count({ where: { team: { programmeId: programme.id } } });
  return { programmeId: programme.id, months, updates };
}
