import type { DeliveryLogEntry, StaffReads } from "../../core/ports/staff-reads.js";
import type { ProgressUpdateVersion } from "../../core/ports/update-repository.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** The staff pages' queries on Prisma (see the StaffReads port). */
export function createStaffReads(prisma: PrismaClient): StaffReads {
  return {
    async listVersionsForUpdates(updateIds) {
      const out = new Map<string, ProgressUpdateVersion[]>();
      if (updateIds.length === 0) return out;
      const rows = await prisma.progressUpdateVersion.findMany({
        where: { updateId: { in: updateIds } },
        orderBy: [{ updateId: "asc" }, { version: "asc" }],
      });
      for (const r of rows) {
        const version: ProgressUpdateVersion = {
          version: r.version,
          status: r.status,
          data: (r.data ?? {}) as Record<string, unknown>,
          savedById: r.savedById,
          savedAt: r.savedAt,
        };
        const list = out.get(r.updateId);
        if (list) list.push(version);
        else out.set(r.updateId, [version]);
      }
      return out;
    },

    async deliveryLog(programmeId, { limit, teamIds }) {
      const where = { programmeId, ...(teamIds ? { teamId: { in: teamIds } } : {}) };
      const [rows, groups] = await Promise.all([
        prisma.delivery.findMany({
          where,
          orderBy: [{ scheduledFor: "desc" }, { key: "asc" }],
          take: limit,
          select: {
            key: true,
            kind: true,
            teamId: true,
            target: true,
            scheduledFor: true,
            status: true,
            attempts: true,
            sentAt: true,
            reason: true,
            lastError: true,
            updatedAt: true,
          },
        }),
        prisma.delivery.groupBy({ by: ["status"], where, _count: { _all: true } }),
      ]);
      const counts: Record<string, number> = {};
      for (const g of groups) counts[g.status] = g._count._all;
      return { entries: rows as DeliveryLogEntry[], counts };
    },
  };
}
