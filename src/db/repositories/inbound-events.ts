import type { InboundEvents } from "../../core/ports/inbound-events.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** Keys per statement: one round trip stays small however large a burst is. */
const MAX_BATCH = 500;

type Waiter = { key: string; resolve: (first: boolean) => void; reject: (error: unknown) => void };

/**
 * Backed by a primary key, so two replicas receiving the same retry cannot both act on it.
 *
 * Every Slack command and Teams activity records its key, so under a burst this is the one query per
 * request left on the busy path (the profile in docs/BENCHMARKS.md: Prisma, its WebAssembly query
 * compiler and the socket writes, per query). Keys asked for in the same turn of the event loop, or while
 * the previous statement runs, are written together in one INSERT … RETURNING: one request alone still
 * waits only for its own statement, and a burst of hundreds costs a handful. The first asker of a key wins.
 */
export function createInboundEvents(prisma: PrismaClient): InboundEvents {
  const pending: Waiter[] = [];
  // One statement at a time: keys that arrive while it runs form the next batch (so order is kept: an
  // earlier asker of a key is written first).
  let writing = false;
  const flush = async () => {
    writing = true;
    const batch = pending.splice(0, MAX_BATCH);
    const keys = [...new Set(batch.map((w) => w.key))];
    try {
      const rows = await prisma.$queryRaw<{ key: string }[]>`
        INSERT INTO "InboundEvent" ("key", "createdAt")
        SELECT k, now() FROM unnest(${keys}::text[]) AS k
        ON CONFLICT ("key") DO NOTHING
        RETURNING "key"`;
      const inserted = new Set(rows.map((r) => r.key));
      for (const waiter of batch) {
        waiter.resolve(inserted.delete(waiter.key));
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      writing = false;
      if (pending.length > 0) void flush();
    }
  };
  return {
    firstTime(key) {
      return new Promise<boolean>((resolve, reject) => {
        if (pending.length === 0 && !writing) setImmediate(flush);
        pending.push({ key, resolve, reject });
      });
    },
  };
}
