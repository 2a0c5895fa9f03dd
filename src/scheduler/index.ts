import type { Env } from "../config/env.js";
import type { CoreDeps } from "../core/deps.js";

export type Scheduler = { stop(): Promise<void> };

/** node-cron wiring only: jobs call core use cases. Filled in by the reminders feature. */
export async function startScheduler(_input: { env: Env; deps: CoreDeps }): Promise<Scheduler> {
  return { stop: async () => {} };
}
