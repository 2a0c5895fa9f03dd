import { buildCoreDeps } from "../../src/app/build-deps.js";
import { parseEnv } from "../../src/config/env.js";
import { loadProgrammeFile } from "../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { fixedClock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import { runSchedulerTick, type TickResult } from "../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../src/db/import-programme.js";
import { healthRoute } from "../../src/http/health-route.js";
import type { Route } from "../../src/http/router.js";
import { startHttpServer } from "../../src/http/server.js";
import { createPlatforms } from "../../src/platforms/index.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

export type CohortServer = {
  /** The bot's messaging endpoint, http://127.0.0.1:<port>/api/messages. */
  endpoint: string;
  db: TestDatabase;
  deps: CoreDeps;
  /** Moves the clock to `at` and runs one reminders tick (what the scheduler does every minute). */
  tick(at: string): Promise<TickResult>;
  close(): Promise<void>;
};

/**
 * Cohort Bot for Microsoft's client, wired as src/main.ts wires it for local Teams testing
 * (TEAMS_ALLOW_UNAUTHENTICATED=true, no playground, loopback only), in-process so the test can pin the
 * clock inside the programme (the seed is 2022–23) and run a scheduler tick at a chosen instant.
 */
export async function startCohortServer(options: { now: string }): Promise<CohortServer> {
  const db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"), "seed");
  const clock = fixedClock(options.now);
  const deps = buildCoreDeps({ db, clock, logger: silentLogger });
  const env = parseEnv({ NODE_ENV: "test", TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false" });
  const platforms = await createPlatforms({ env, deps });
  for (const p of platforms) if (p.gateway) deps.gateways[p.gateway.platform] = p.gateway;
  const routes: Route[] = [healthRoute(() => db.ping()), ...platforms.flatMap((p) => p.routes)];
  const http = await startHttpServer({ routes: () => routes, port: 0, host: "127.0.0.1", logger: silentLogger });
  deps.publicUrl = `http://localhost:${http.port}`;
  return {
    endpoint: `http://127.0.0.1:${http.port}/api/messages`,
    db,
    deps,
    tick(at) {
      clock.set(at);
      return runSchedulerTick({ deps });
    },
    async close() {
      await http.close();
      for (const p of platforms) await p.stop?.();
      await db.close();
    },
  };
}
