import { buildCoreDeps } from "../../src/app/build-deps.js";
import { parseEnv } from "../../src/config/env.js";
import { loadProgrammeFile } from "../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { fixedClock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import { importProgramme } from "../../src/db/import-programme.js";
import { openDatabase } from "../../src/db/open-database.js";
import { healthRoute } from "../../src/http/health-route.js";
import { startHttpServer } from "../../src/http/server.js";
import { createTeamsPlatform } from "../../src/platforms/teams/index.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { migratedSnapshot } from "./database-snapshot.js";
import { TEST_DATABASE_TIMEOUTS } from "./test-database.js";
import { testReplyBudget } from "./test-reply-budget.js";

/**
 * The Teams adapter in-process on a real HTTP server (port 0): embedded database seeded with the
 * SP Innovators programme, the real core, createTeamsPlatform, and a fake Bot Connector that every
 * activity's serviceUrl points to. `post` sends an activity to /api/messages like Teams does.
 */
export async function startTeamsHarness(
  options: { env?: Record<string, string>; now?: string; seed?: string; configure?: (deps: CoreDeps) => void } = {},
) {
  const connector = await startFakeBotConnector();
  const db = await openDatabase(
    { kind: "pglite", dir: null },
    {
      poolSize: 4,
      snapshot: await migratedSnapshot(),
      ...TEST_DATABASE_TIMEOUTS,
    },
  );
  await importProgramme(db.prisma, loadProgrammeFile(options.seed ?? "prisma/seed/sp-innovators.yaml"), "test");
  const clock = fixedClock(options.now ?? "2022-11-15T10:00:00Z");
  const deps = buildCoreDeps({ db, clock, logger: silentLogger });
  // Set up before the platform starts: it keeps its own copy of the deps.
  options.configure?.(deps);
  const env = parseEnv({
    NODE_ENV: "test",
    TEAMS_ALLOW_UNAUTHENTICATED: "true",
    ...options.env,
  });
  const platform = await createTeamsPlatform({ env, deps, replies: testReplyBudget(options.env) });
  if (platform.gateway) deps.gateways.teams = platform.gateway;
  const routes = [healthRoute(() => db.ping()), ...platform.routes];
  const http = await startHttpServer({ routes: () => routes, port: 0, host: "127.0.0.1", logger: silentLogger });
  const base = `http://127.0.0.1:${http.port}`;
  let seq = 0;

  async function post(activity: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  return {
    base,
    db,
    deps,
    clock,
    connector,
    platform,
    post,
    /** A fresh activity id, so idempotency never swallows a test's second message. */
    nextId: () => `act-${++seq}`,
    async close() {
      await http.close();
      await connector.close();
      await db.close();
    },
  };
}

export type TeamsHarness = Awaited<ReturnType<typeof startTeamsHarness>>;
export type { FakeBotConnector };
