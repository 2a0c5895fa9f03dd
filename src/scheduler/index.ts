import cron from "node-cron";
import type { Env } from "../config/env.js";
import type { CoreDeps } from "../core/deps.js";
import { runSchedulerTick, type TickResult } from "../core/reminders/run-scheduler-tick.js";

export type Scheduler = {
  /** Runs one tick now (skipped, returning null, if one is already running). */
  tick(): Promise<TickResult | null>;
  stop(): Promise<void>;
};

/**
 * node-cron wiring only: every minute, one reminders tick (plan → outbox → send). A tick that is still
 * running when the next minute comes makes that minute skip, so ticks never overlap in one process;
 * across processes the outbox's claims keep sends exactly-once. SCHEDULER=false turns it off (the
 * playground can still call runSchedulerTick after moving its clock).
 */
export async function startScheduler(input: {
  env: Pick<Env, "SCHEDULER">;
  deps: CoreDeps;
  expression?: string;
}): Promise<Scheduler> {
  const { deps } = input;
  const workerId = `scheduler-${globalThis.crypto.randomUUID()}`;
  let running: Promise<TickResult | null> | null = null;

  const tick = (): Promise<TickResult | null> => {
    if (running) {
      deps.logger.debug("scheduler tick skipped: the previous one is still running");
      return Promise.resolve(null);
    }
    running = runSchedulerTick({ deps, workerId })
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, "scheduler tick failed");
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  if (input.env.SCHEDULER === false) {
    deps.logger.info("scheduler disabled (SCHEDULER=false)");
    return { tick, stop: async () => {} };
  }
  const task = cron.schedule(input.expression ?? "* * * * *", () => void tick(), { name: "reminders" });
  return {
    tick,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
