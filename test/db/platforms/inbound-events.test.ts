import { describe, expect, it } from "vitest";
import { createInboundEvents } from "../../../src/db/repositories/inbound-events.js";
import { useTestDatabase } from "../../support/use-test-database.js";

const db = useTestDatabase({ resetEach: true });

describe("inbound events (idempotency keys)", () => {
  it("says true the first time a key is seen and false on every repeat, in one burst or later", async () => {
    const inbound = createInboundEvents(db().prisma);
    // Asked in the same turn: written together; the first asker of a repeated key wins.
    const burst = await Promise.all(["a", "b", "a", "c", "b"].map((k) => inbound.firstTime(k)));
    expect(burst).toEqual([true, true, false, true, false]);
    expect(await inbound.firstTime("a")).toBe(false);
    expect(await inbound.firstTime("d")).toBe(true);
    // Another process (a second replica) with its own writer sees the same keys.
    const other = createInboundEvents(db().prisma);
    expect(await Promise.all([other.firstTime("d"), other.firstTime("e")])).toEqual([false, true]);
    expect(await db().prisma.inboundEvent.count()).toBe(5);
  });

  it("splits a burst larger than one statement and answers every key", async () => {
    const inbound = createInboundEvents(db().prisma);
    const keys = Array.from({ length: 1_200 }, (_, i) => `k${i}`);
    const answers = await Promise.all([...keys, "k0"].map((k) => inbound.firstTime(k)));
    expect(answers.filter(Boolean)).toHaveLength(1_200);
    expect(answers.at(-1)).toBe(false);
  });

  it("fails every waiter of a batch when the database does", async () => {
    const inbound = createInboundEvents({
      $queryRaw: () => Promise.reject(new Error("connection refused")),
    } as unknown as Parameters<typeof createInboundEvents>[0]);
    const results = await Promise.allSettled([inbound.firstTime("x"), inbound.firstTime("y")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
