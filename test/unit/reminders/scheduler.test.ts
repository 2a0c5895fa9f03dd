import { describe, expect, it, vi } from "vitest";
import type { CoreDeps } from "../../../src/core/deps.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { startScheduler } from "../../../src/scheduler/index.js";

/** Deps whose programme list blocks until released, so a tick can be held "still running". */
function slowDeps() {
  let release: () => void = () => {};
  let calls = 0;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const deps = {
    clock: fixedClock("2022-11-09T14:00:00Z"),
    logger: silentLogger,
    gateways: {},
    programmes: {
      listProgrammes: async () => {
        calls++;
        await gate;
        return [];
      },
    },
    deliveries: { claimDue: async () => [] },
    reminderFacts: {},
  } as unknown as CoreDeps;
  return { deps, release: () => release(), calls: () => calls };
}

describe("scheduler", () => {
  it("skips a tick while the previous one is still running", async () => {
    const { deps, release, calls } = slowDeps();
    const scheduler = await startScheduler({ env: { SCHEDULER: false }, deps });
    const first = scheduler.tick();
    expect(await scheduler.tick()).toBeNull();
    release();
    expect(await first).toEqual({ planned: 0, sent: 0, skipped: 0, failed: 0, deferred: 0 });
    expect(calls()).toBe(1);
    expect(await scheduler.tick()).toEqual({ planned: 0, sent: 0, skipped: 0, failed: 0, deferred: 0 });
    await scheduler.stop();
  });

  it("runs on its cron expression unless SCHEDULER=false", async () => {
    const offDeps = slowDeps();
    const onDeps = slowDeps();
    offDeps.release();
    onDeps.release();
    const off = await startScheduler({ env: { SCHEDULER: false }, deps: offDeps.deps, expression: "* * * * * *" });
    const on = await startScheduler({ env: { SCHEDULER: undefined }, deps: onDeps.deps, expression: "* * * * * *" });
    // Two ticks of the running one: the switched-off one has had at least one full second to tick in.
    await vi.waitFor(() => expect(onDeps.calls()).toBeGreaterThanOrEqual(2), { timeout: 30_000 });
    await on.stop();
    await off.stop();
    expect(offDeps.calls()).toBe(0);
  });
});
