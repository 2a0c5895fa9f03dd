import { describe, expect, it, vi } from "vitest";
import type { CoreDeps } from "../../../src/core/deps.js";
import type { InboundEvents } from "../../../src/core/ports/inbound-events.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { createRetryGuard } from "../../../src/platforms/slack/retry-guard.js";

/** The InboundEvent table's primary key, shared by every "process" (guard) of a test. */
function sharedStore(delayMs = 0) {
  const keys = new Set<string>();
  const inbound: InboundEvents = {
    firstTime: async (key) => {
      await new Promise((r) => setTimeout(r, delayMs));
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    },
  };
  return { keys, inbound };
}
const depsWith = (inbound: InboundEvents) => ({ inbound, logger: silentLogger }) as unknown as CoreDeps;

describe("Slack retry guard", () => {
  it("answers a first delivery without waiting for the database, and records its key", async () => {
    const store = sharedStore(200);
    const guard = createRetryGuard(depsWith(store.inbound), 2_000);
    expect(await guard("k1", undefined)).toBe(true);
    expect(store.keys.has("k1")).toBe(false); // answered before the (slow) database write landed
    await vi.waitFor(() => expect(store.keys.has("k1")).toBe(true));
  });

  it("a retry in the same process is a duplicate even before the original's write lands", async () => {
    const guard = createRetryGuard(depsWith(sharedStore(200).inbound), 2_000);
    expect(await guard("k2", undefined)).toBe(true);
    expect(await guard("k2", 1)).toBe(false);
  });

  it("a delivery without a retry header is handled even when its key was seen (new by definition)", async () => {
    const guard = createRetryGuard(depsWith(sharedStore().inbound), 2_000);
    expect(await guard("k6", undefined)).toBe(true);
    expect(await guard("k6", undefined)).toBe(true);
    expect(await guard("k6", 1)).toBe(false);
  });

  it("a retry reaching another replica (or a restarted process) is a duplicate through the database", async () => {
    const store = sharedStore();
    const a = createRetryGuard(depsWith(store.inbound), 2_000);
    const b = createRetryGuard(depsWith(store.inbound), 2_000);
    expect(await a("k3", undefined)).toBe(true);
    await vi.waitFor(() => expect(store.keys.has("k3")).toBe(true)); // a's write has landed
    expect(await b("k3", 1)).toBe(false);
    expect(await b("k4", 1)).toBe(true); // a retry whose original never arrived is handled once
  });

  it("a retry that cannot be checked gets null within the budget, and the next retry asks again", async () => {
    let calls = 0;
    const hanging: InboundEvents = {
      firstTime: () => {
        calls++;
        return new Promise<boolean>(() => {});
      },
    };
    const guard = createRetryGuard(depsWith(hanging), 50);
    expect(await guard("k5", 1)).toBeNull();
    expect(await guard("k5", 2)).toBeNull();
    expect(calls).toBe(2);
  });
});
