import { inspect } from "node:util";
import { buildCoreDeps } from "./app/build-deps.js";
import { createLogger } from "./app/logger.js";
import { handleProcessFaults } from "./app/process-faults.js";
import { seedIfEmpty } from "./app/seed.js";
import { bindHost, type Env, EnvError, platformsConfigured } from "./config/env.js";
import { loadConfig } from "./config/load-config.js";
import { ProgrammeFileError } from "./config/load-programme-file.js";
import { systemClock } from "./core/ports/clock.js";
import type { Logger } from "./core/ports/logger.js";
import { DataFolderBusyError } from "./db/claim-data-folder.js";
import { parseDatabaseUrl } from "./db/database-url.js";
import { openDatabase } from "./db/open-database.js";
import { calendarRoute } from "./http/calendar-route.js";
import { healthRoute } from "./http/health-route.js";
import type { Route } from "./http/router.js";
import { startHttpServer } from "./http/server.js";
import { createPlatforms } from "./platforms/index.js";
import { createPlaygroundClock } from "./platforms/local/playground-clock.js";
import { startScheduler } from "./scheduler/index.js";
import { createStaffSignIn } from "./web/auth/create-staff-sign-in.js";
import { chartImageRoute } from "./web/chart-images/chart-image-route.js";
import { resolveChartSecret } from "./web/chart-images/chart-secret.js";
import { createChartUrlSigner } from "./web/chart-images/chart-url-signer.js";
import { createPlaygroundSignIn } from "./web/playground-sign-in.js";
import { staffRoutes } from "./web/staff-routes.js";

/** Composition root: env → db → core → platforms → scheduler → http. */
async function main(): Promise<void> {
  const started = performance.now();
  // Every configuration mistake stops here, in one line, before the database opens or a port is bound.
  const env = loadConfig();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const faults = handleProcessFaults(logger);
  const enabled = platformsConfigured(env);

  // Embedded data folder: one owner (docs/DATABASE.md). A server never joins another's database, and
  // never runs on without its own: losing it is one line on stderr and exit 1.
  const db = await openDatabase(parseDatabaseUrl(env.DATABASE_URL), {
    role: "server",
    onWait: (line) => process.stderr.write(`Cohort Bot: ${line}\n`),
    onLost: (line) => {
      process.stderr.write(
        `Cohort Bot stopped: ${line}. Start it again: the data folder recovers as after a power cut.\n`,
      );
      process.exit(1);
    },
  });
  await seedIfEmpty(db.prisma, logger, env.PROGRAMME_SEED);
  db.openToJoiners(); // migrated and seeded: the CLI may join from now on
  // Playground only: a movable clock ("jump to 29 Nov"); never when a real workspace shares these deps.
  const clock = enabled.playground && !enabled.slack && !enabled.teams ? createPlaygroundClock() : systemClock;
  // readCacheMs: the per-request member/programme lookups are served from memory for 5 s (bench/: 6 → 1 queries per help).
  const deps = buildCoreDeps({ db, clock, logger, publicUrl: env.PUBLIC_URL, env, readCacheMs: 5_000 });

  // Pictures in digests need an address Slack and Teams can fetch from: only with PUBLIC_URL. Set up
  // before the platforms, which keep their own copy of deps.
  const charts = env.PUBLIC_URL
    ? createChartUrlSigner({ publicUrl: env.PUBLIC_URL, clock, ...chartSecret(env, logger) })
    : null;
  if (charts) deps.chartLinks = charts.links;

  const platforms = await createPlatforms({ env, deps });
  for (const p of platforms) if (p.gateway) deps.gateways[p.gateway.platform] = p.gateway;
  // Staff pages: with real credentials people sign in with OpenID Connect (or are told it is not set up:
  // docs/STAFF-SIGN-IN.md); without them the playground's loopback-only "I am" opens the pages.
  const signIn = createStaffSignIn({ env, db, deps, logger }) ?? createPlaygroundSignIn({ deps });
  const routes: Route[] = [
    healthRoute(() => db.ping()),
    calendarRoute(deps),
    ...signIn.routes,
    ...staffRoutes({ deps, signIn }),
    ...platforms.flatMap((p) => p.routes),
  ];
  if (charts) routes.push(chartImageRoute({ deps, signer: charts }));

  // Anything without a login (the playground, unauthenticated Teams) binds to loopback: see config/exposure.ts.
  const host = bindHost(env);
  const http = await startHttpServer({ routes: () => routes, port: env.PORT, host, logger });
  // Links in reminders ("add to calendar") need an absolute URL; without PUBLIC_URL use this server's.
  deps.publicUrl ??= `http://localhost:${http.port}`;
  for (const p of platforms) await p.start?.();
  const scheduler = await startScheduler({ env, deps });

  logger.info(
    {
      port: http.port,
      host: host ?? "all interfaces",
      database: db.target.kind === "pglite" ? (db.target.dir ?? "in memory") : "postgres",
      platforms: platforms.map((p) => p.name),
      startupMs: Math.round(performance.now() - started),
    },
    `Cohort Bot listening on http://${host ?? "localhost"}:${http.port}`,
  );

  if (process.stderr.isTTY) {
    // A person at a terminal gets one plain sentence; the JSON log lines above are for machines.
    const where = `http://${host === "127.0.0.1" ? "localhost" : (host ?? "localhost")}:${http.port}/`;
    const what = enabled.playground
      ? `open ${where} to try the playground`
      : `platforms: ${platforms.map((p) => p.name).join(", ")}`;
    process.stderr.write(`\nCohort Bot is running — ${what}. Press Ctrl+C to stop.\n\n`);
  }

  let stopping = false;
  const close = async () => {
    await scheduler.stop();
    await http.close();
    for (const p of platforms) await p.stop?.();
    await db.close();
  };
  faults.closeWith(close);
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function chartSecret(env: Env, logger: Logger): { secret: Buffer } {
  const { secret, source } = resolveChartSecret(env);
  if (source === "random") logger.warn("CHART_URL_SECRET is not set: digest picture links stop working at restart");
  return { secret };
}

main().catch((error: unknown) => {
  // One readable line for configuration mistakes (exit 2: a supervisor should not retry them) and for a
  // data folder another server owns (exit 3); a stack only for real bugs (exit 1).
  if (error instanceof DataFolderBusyError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  if (error instanceof EnvError || error instanceof ProgrammeFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Cohort Bot failed to start: ${error instanceof Error ? error.stack : inspect(error)}\n`);
  process.exit(1);
});
