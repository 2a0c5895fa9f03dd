import { fillSixMonthsOfUpdates } from "../../scripts/sample-six-months.js";
import { buildCoreDeps } from "../../src/app/build-deps.js";
import { parseEnv } from "../../src/config/env.js";
import { loadProgrammeFile } from "../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { type Clock, fixedClock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import { runSchedulerTick } from "../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../src/db/import-programme.js";
import type { Route } from "../../src/http/router.js";
import { startHttpServer } from "../../src/http/server.js";
import { createPlatforms } from "../../src/platforms/index.js";
import { createPlaygroundClock, isPlaygroundClock } from "../../src/platforms/local/playground-clock.js";
import { createPlaygroundSignIn } from "../../src/web/playground-sign-in.js";
import type { WebSignIn } from "../../src/web/sign-in.js";
import { staffRoutes } from "../../src/web/staff-routes.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export type StaffServer = {
  url: string;
  db: TestDatabase;
  deps: CoreDeps;
  programmeId: string;
  /** GET a path (relative to the server) with optional headers; no redirects followed. */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }>;
  close(): Promise<void>;
};

/**
 * The server wired as src/main.ts wires it in playground mode (seeded programme, playground platform,
 * the staff routes with the playground sign-in, the real HTTP server on a free loopback port), in
 * process so tests can shape the data. `sixMonths` adds the six months of sample updates, a few open
 * questions and a delivery log from scheduler ticks across the programme.
 */
export async function startStaffServer(
  options: { now?: string; sixMonths?: boolean; signIn?: (deps: CoreDeps) => WebSignIn } = {},
): Promise<StaffServer> {
  const db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"), "seed");
  const base: Clock = fixedClock(options.now ?? "2023-04-03T09:00:00Z");
  const deps = buildCoreDeps({ db, clock: createPlaygroundClock(base), logger: silentLogger });
  const programme = (await deps.programmes.listProgrammes())[0];
  if (!programme) throw new Error("seed did not load");
  const env = parseEnv({ NODE_ENV: "test", PLAYGROUND: "true" });
  const platforms = await createPlatforms({ env, deps });
  for (const p of platforms) if (p.gateway) deps.gateways[p.gateway.platform] = p.gateway;
  // The playground starts its clock inside the programme; tests want their own `now`.
  if (isPlaygroundClock(deps.clock)) deps.clock.jumpTo(base.now());
  if (options.sixMonths) await fillSampleHistory(deps, programme.id);
  const signIn = options.signIn ? options.signIn(deps) : createPlaygroundSignIn({ deps });
  const routes: Route[] = [...staffRoutes({ deps, signIn }), ...platforms.flatMap((p) => p.routes)];
  const http = await startHttpServer({ routes: () => routes, port: 0, host: "127.0.0.1", logger: silentLogger });
  const url = `http://127.0.0.1:${http.port}`;
  return {
    url,
    db,
    deps,
    programmeId: programme.id,
    async get(path, headers = {}) {
      const res = await fetch(`${url}${path}`, { headers, redirect: "manual" });
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    async close() {
      await http.close();
      for (const p of platforms) await p.stop?.();
      await db.close();
    },
  };
}

async function fillSampleHistory(deps: CoreDeps, programmeId: string): Promise<void> {
  await fillSixMonthsOfUpdates({ deps, programmeId });
  const members = await deps.programmes.listMembers(programmeId);
  const asker = (key: string) => members.find((m) => m.key === key);
  for (const [key, question] of [
    ["grace-adeyemi", "Can we carry unspent grant over into April?"],
    ["farhan-ali", "Who do we send interpreter invoices to?"],
  ] as const) {
    const m = asker(key);
    await deps.faq.recordUnanswered({
      programmeId,
      memberId: m?.id ?? null,
      platform: "local",
      askerExternalId: key,
      replyTo: null,
      question,
      createdAt: deps.clock.now(),
    });
  }
  // A delivery log: the scheduler at a few moments of the programme (reminders go to the playground).
  for (const at of [
    "2022-11-28T09:00:00Z",
    "2022-11-30T09:00:00Z",
    "2022-12-01T10:00:00Z",
    "2023-03-30T09:00:00Z",
    "2023-04-01T10:00:00Z",
  ])
    await runSchedulerTick({ deps, now: new Date(at) });
}
