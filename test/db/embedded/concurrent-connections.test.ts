import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/use-test-database.js";

/**
 * Promise: many requests at once over the pool's connections each get their own answer. On the embedded
 * database all connections share one PGlite session; without src/db/serialize-protocol.ts interleaved
 * extended-protocol messages failed with `portal "" does not exist` (6 of 100 here).
 */
const db = useTestDatabase();
/** What is tested is that answers never mix; on a loaded machine the pool may take a while to free a connection. */
const PATIENT = { maxWait: 30_000, timeout: 30_000 };

describe("concurrent connections", () => {
  it("keeps 100 overlapping writes, reads and interactive transactions apart", async () => {
    const big = "x".repeat(20_000);
    const programme = await db().prisma.programme.create({
      data: { slug: "concurrency", name: "C", startsOn: new Date("2022-10-01"), endsOn: new Date("2023-03-31") },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, async (_, i) => {
        if (i % 2) {
          await db().prisma.auditLog.create({
            data: { programmeId: programme.id, actor: `a${i}`, action: big, details: { big } },
          });
        } else {
          await db().prisma.$transaction(async (tx) => {
            await tx.auditLog.create({ data: { programmeId: programme.id, actor: `t${i}`, action: "x" } });
            await tx.auditLog.findMany({ where: { actor: `t${i}` } });
          }, PATIENT);
        }
        const rows = await db().prisma.auditLog.findMany({ where: { actor: { in: [`a${i}`, `t${i}`] } } });
        return rows.length;
      }),
    );
    const failures = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(Array(100).fill(1));
  });

  it("rolls back a failed transaction without disturbing the others", async () => {
    const programme = await db().prisma.programme.create({
      data: { slug: "rollback", name: "R", startsOn: new Date("2022-10-01"), endsOn: new Date("2023-03-31") },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db().prisma.$transaction(async (tx) => {
          await tx.auditLog.create({ data: { programmeId: programme.id, actor: `r${i}`, action: "x" } });
          if (i % 4 === 0) throw new Error("deliberate");
        }, PATIENT),
      ),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(5);
    expect(await db().prisma.auditLog.count({ where: { programmeId: programme.id } })).toBe(15);
  });
});
