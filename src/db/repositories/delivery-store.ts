import type { Delivery, DeliveryStore } from "../../core/outbox/delivery-store.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";

type Row = Omit<Delivery, "payload"> & { payload: unknown };

const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  key: r.key,
  programmeId: r.programmeId,
  kind: r.kind,
  teamId: r.teamId,
  target: r.target,
  occasion: r.occasion,
  scheduledFor: new Date(r.scheduledFor),
  status: r.status,
  attempts: Number(r.attempts),
  leaseUntil: r.leaseUntil ? new Date(r.leaseUntil) : null,
  claimedBy: r.claimedBy,
  nextAttemptAt: r.nextAttemptAt ? new Date(r.nextAttemptAt) : null,
  lastError: r.lastError,
  reason: r.reason,
  platformMessageId: r.platformMessageId,
  payload: r.payload,
  sentAt: r.sentAt ? new Date(r.sentAt) : null,
  createdAt: new Date(r.createdAt),
});

/**
 * The outbox on the Delivery table. Times come from the caller (the core's clock), never from the
 * database's now(), so a test or the playground can move time and leases expire accordingly.
 */
export function createDeliveryStore(prisma: PrismaClient): DeliveryStore {
  return {
    async enqueue(items) {
      if (items.length === 0) return 0;
      const result = await prisma.delivery.createMany({
        data: items.map((d) => ({
          key: d.key,
          programmeId: d.programmeId,
          kind: d.kind,
          teamId: d.teamId,
          target: d.target,
          occasion: d.occasion,
          scheduledFor: d.scheduledFor,
          payload: (d.payload ?? undefined) as Prisma.InputJsonValue | undefined,
          status: d.status ?? "pending",
          reason: d.reason ?? null,
          nextAttemptAt: d.nextAttemptAt ?? null,
        })),
        skipDuplicates: true,
      });
      return result.count;
    },

    async recordSent(items) {
      if (items.length === 0) return 0;
      const result = await prisma.delivery.createMany({
        data: items.map((d) => ({
          key: d.key,
          programmeId: d.programmeId,
          kind: d.kind,
          teamId: d.teamId,
          target: d.target,
          occasion: d.occasion,
          scheduledFor: d.scheduledFor,
          payload: (d.payload ?? undefined) as Prisma.InputJsonValue | undefined,
          status: "sent",
          attempts: 1,
          sentAt: d.sentAt,
          platformMessageId: d.platformMessageId,
        })),
        skipDuplicates: true,
      });
      return result.count;
    },

    async existingKeys(keys) {
      if (keys.length === 0) return new Set();
      const rows = await prisma.delivery.findMany({ where: { key: { in: keys } }, select: { key: true } });
      return new Set(rows.map((r) => r.key));
    },

    async claimDue({ now, leaseMs, workerId, limit, programmeIds }) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const only = programmeIds ? Prisma.sql`AND "programmeId" = ANY(${programmeIds}::text[])` : Prisma.empty;
      // One statement: the sub-select locks due rows and skips rows another dispatcher holds, so two
      // dispatchers on one database never claim the same row. An expired lease (a crash between claim
      // and send) makes the row claimable again.
      const rows = await prisma.$queryRaw<Row[]>`
        UPDATE "Delivery"
           SET "status" = 'claimed', "leaseUntil" = ${leaseUntil}, "claimedBy" = ${workerId},
               "attempts" = "attempts" + 1, "updatedAt" = ${now}
         WHERE "id" IN (
           SELECT "id" FROM "Delivery"
            WHERE (("status" = 'pending' AND COALESCE("nextAttemptAt", "scheduledFor") <= ${now})
               OR ("status" = 'claimed' AND "leaseUntil" <= ${now})) ${only}
            ORDER BY "scheduledFor" ASC
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
        RETURNING *`;
      return rows.map(toDelivery).sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
    },

    async markSent({ id, workerId, at, messageId }) {
      const r = await prisma.delivery.updateMany({
        where: { id, status: "claimed", claimedBy: workerId },
        data: { status: "sent", sentAt: at, platformMessageId: messageId, leaseUntil: null, lastError: null },
      });
      return r.count === 1;
    },

    async markRetry({ id, workerId, nextAttemptAt, error }) {
      const r = await prisma.delivery.updateMany({
        where: { id, status: "claimed", claimedBy: workerId },
        data: { status: "pending", nextAttemptAt, lastError: error.slice(0, 1000), leaseUntil: null },
      });
      return r.count === 1;
    },

    async markDone({ id, workerId, status, reason, error }) {
      const r = await prisma.delivery.updateMany({
        where: { id, status: "claimed", claimedBy: workerId },
        data: {
          status,
          reason: reason.slice(0, 1000),
          leaseUntil: null,
          ...(error ? { lastError: error.slice(0, 1000) } : {}),
        },
      });
      return r.count === 1;
    },

    async list(filter = {}) {
      const rows = await prisma.delivery.findMany({
        where: {
          ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
          ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
          ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
          ...(filter.since ? { scheduledFor: { gte: filter.since } } : {}),
        },
        orderBy: [{ scheduledFor: "desc" }, { key: "asc" }],
        take: filter.limit ?? 200,
      });
      return rows.map((r) => toDelivery(r as Row));
    },
  };
}
