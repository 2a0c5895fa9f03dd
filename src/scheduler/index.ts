import cron from "node-cron";
import type { Env } from "../config/env.js";
import type { CoreDeps } from "../core/deps.js";
import { defaultRetryPolicy, type RetryPolicy } from "../core/outbox/retry-policy.js";
import { runSchedulerTick, type TickResult } from "../core/reminders/run-scheduler-tick.js";

export type Scheduler = {
  /** Runs one tick now (skipped, returning null, if one is already running). */
  tick(): Promise<TickResult | null>;
  stop(): Promise<void>;
};

/**
 * node-cron wiring only: every minute (SCHEDULER_CRON), one reminders tick (plan → outbox → send). A tick that is still
 * running when the next minute comes makes that minute skip, so ticks never overlap in one process;
 * across processes the outbox's claims keep sends exactly-once. SCHEDULER=false turns it off (the
 * playground can still call runSchedulerTick after moving its clock).
 */
export async function startScheduler(input: {
  env: Pick<Env, "SCHEDULER"> & Partial<Pick<Env, "SCHEDULER_CRON" | "OUTBOX_LEASE_SECONDS">>;
  deps: CoreDeps;
  expression?: string;
}): Promise<Scheduler> {
  const { deps } = input;
  const workerId = `scheduler-${globalThis.crypto.randomUUID()}`;
  let running: Promise<TickResult | null> | null = null;
  const expression = input.expression ?? input.env.SCHEDULER_CRON ?? "* * * * *";
  // A bad SCHEDULER_CRON must stop start-up, not silently leave reminders unsent.
  if (!cron.validate(expression)) throw new Error(`SCHEDULER_CRON is not a cron expression: "${expression}"`);
  const retry: RetryPolicy | undefined = input.env.OUTBOX_LEASE_SECONDS
    ? { ...defaultRetryPolicy, leaseMs: input.env.OUTBOX_LEASE_SECONDS * 1000 }
    : undefined;

  const tick = (): Promise<TickResult | null> => {
    if (running) {
      deps.logger.debug("scheduler tick skipped: the previous one is still running");
      return Promise.resolve(null);
    }
    running = runSchedulerTick({ deps, workerId, retry })
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
  const task = cron.schedule(expression, () => void tick(), { name: "reminders" });
  return {
    tick,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
