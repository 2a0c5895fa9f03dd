import { buildCoreDeps } from "../../../src/app/build-deps.js";
import { parseEnv } from "../../../src/config/env.js";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { type Clock, fixedClock, systemClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import type { Route } from "../../../src/http/router.js";
import { startHttpServer } from "../../../src/http/server.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { createPlaygroundClock } from "../../../src/platforms/local/playground-clock.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
type Json = any;

export type Playground = {
  url: string;
  db: TestDatabase;
  deps: CoreDeps;
  /** GET/POST JSON helpers against /playground/api/. */
  get(path: string): Promise<{ status: number; body: Json }>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
};

/**
 * The playground wired exactly as src/main.ts wires it (seeded database, playground clock, the platform
 * registry, the real HTTP server on a free loopback port), in-process so tests can also read the database.
 * `now` fixes the underlying clock (the playground clock then only moves on a jump); omit it for real time.
 * `start` runs the platforms' start hooks as main.ts does (the playground's first scheduler run).
 */
export async function startPlayground(options: { now?: string; start?: boolean } = {}): Promise<Playground> {
  const db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"), "seed");
  const base: Clock = options.now ? fixedClock(options.now) : systemClock;
  const deps = buildCoreDeps({ db, clock: createPlaygroundClock(base), logger: silentLogger });
  const env = parseEnv({ NODE_ENV: "test", PLAYGROUND: "true" });
  const platforms = await createPlatforms({ env, deps });
  for (const p of platforms) if (p.gateway) deps.gateways[p.gateway.platform] = p.gateway;
  const routes: Route[] = platforms.flatMap((p) => p.routes);
  const http = await startHttpServer({ routes: () => routes, port: 0, host: "127.0.0.1", logger: silentLogger });
  if (options.start) for (const p of platforms) await p.start?.();
  const url = `http://127.0.0.1:${http.port}`;
  const json = async (res: Response) => ({ status: res.status, body: await res.json().catch(() => null) });
  return {
    url,
    db,
    deps,
    get: (path) => fetch(`${url}/playground/api/${path}`).then(json),
    post: (path, body, headers = {}) =>
      fetch(`${url}/playground/api/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }).then(json),
    async close() {
      await http.close();
      for (const p of platforms) await p.stop?.();
      await db.close();
    },
  };
}
