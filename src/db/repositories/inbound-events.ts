import type { InboundEvents } from "../../core/ports/inbound-events.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** Backed by a primary key, so two replicas receiving the same retry cannot both act on it. */
export function createInboundEvents(prisma: PrismaClient): InboundEvents {
  return {
    async firstTime(key) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO "InboundEvent" ("key", "createdAt") VALUES (${key}, now()) ON CONFLICT ("key") DO NOTHING`;
      return inserted === 1;
    },
  };
}
