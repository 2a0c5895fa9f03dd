import type {
  CycleUnlock,
  ProgressUpdate,
  ProgressUpdateVersion,
  UpdateRepository,
} from "../../core/ports/update-repository.js";
import type * as P from "../../generated/prisma/client.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

const toUpdate = (r: P.ProgressUpdate): ProgressUpdate => ({
  id: r.id,
  teamId: r.teamId,
  cycleId: r.cycleId,
  status: r.status,
  data: (r.data ?? {}) as Record<string, unknown>,
  version: r.version,
  late: r.late,
  submittedAt: r.submittedAt,
  submittedById: r.submittedById,
  updatedById: r.updatedById,
  updatedAt: r.updatedAt,
});

const toVersion = (r: P.ProgressUpdateVersion): ProgressUpdateVersion => ({
  version: r.version,
  status: r.status,
  data: (r.data ?? {}) as Record<string, unknown>,
  savedById: r.savedById,
  savedAt: r.savedAt,
});

const toUnlock = (r: P.CycleUnlock): CycleUnlock => ({
  teamId: r.teamId,
  cycleId: r.cycleId,
  unlockedUntil: r.unlockedUntil,
  unlockedById: r.unlockedById,
});

/** Progress updates on Prisma. */
export function createUpdateRepository(prisma: PrismaClient): UpdateRepository {
  return {
    get: async (teamId, cycleId) => {
      const row = await prisma.progressUpdate.findUnique({ where: { teamId_cycleId: { teamId, cycleId } } });
      return row ? toUpdate(row) : null;
    },
    getById: async (id) => {
      const row = await prisma.progressUpdate.findUnique({ where: { id } });
      return row ? toUpdate(row) : null;
    },
    listForCycles: async (cycleIds) =>
      cycleIds.length === 0
        ? []
        : (await prisma.progressUpdate.findMany({ where: { cycleId: { in: cycleIds } } })).map(toUpdate),

    async save(input) {
      // Two members creating the first draft at the same moment: one insert wins (unique team+cycle), the
      // other retries as an update. Updates take the row lock, so `increment` hands out distinct versions.
      for (let attempt = 0; ; attempt++) {
        try {
          return await prisma.$transaction((tx) => saveInTransaction(tx, input));
        } catch (error) {
          if (attempt < 2 && (error as { code?: string }).code === "P2002") continue;
          throw error;
        }
      }
    },

    listVersions: async (updateId) =>
      (await prisma.progressUpdateVersion.findMany({ where: { updateId }, orderBy: { version: "asc" } })).map(
        toVersion,
      ),
    getUnlock: async (teamId, cycleId) => {
      const row = await prisma.cycleUnlock.findUnique({ where: { teamId_cycleId: { teamId, cycleId } } });
      return row ? toUnlock(row) : null;
    },
    async setUnlock(input) {
      const data = { unlockedUntil: input.unlockedUntil, unlockedById: input.unlockedById };
      const row = await prisma.cycleUnlock.upsert({
        where: { teamId_cycleId: { teamId: input.teamId, cycleId: input.cycleId } },
        create: { teamId: input.teamId, cycleId: input.cycleId, ...data },
        update: data,
      });
      return toUnlock(row);
    },
  };
}

async function saveInTransaction(
  tx: Prisma.TransactionClient,
  input: Parameters<UpdateRepository["save"]>[0],
): Promise<ProgressUpdate> {
  const data = input.data as Prisma.InputJsonValue;
  const fields = {
    status: input.status,
    data,
    late: input.late,
    submittedAt: input.submittedAt,
    submittedById: input.submittedById,
    updatedById: input.savedById,
    // The core's clock, not the database's: the playground runs in 2022.
    updatedAt: input.savedAt,
  };
  const existing = await tx.progressUpdate.findUnique({
    where: { teamId_cycleId: { teamId: input.teamId, cycleId: input.cycleId } },
    select: { id: true },
  });
  const row = existing
    ? await tx.progressUpdate.update({ where: { id: existing.id }, data: { ...fields, version: { increment: 1 } } })
    : await tx.progressUpdate.create({ data: { teamId: input.teamId, cycleId: input.cycleId, version: 1, ...fields } });
  await tx.progressUpdateVersion.create({
    data: {
      updateId: row.id,
      version: row.version,
      status: input.status,
      data,
      savedById: input.savedById,
      savedAt: input.savedAt,
    },
  });
  return toUpdate(row);
}
