import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { healthRoute } from "../../../src/http/health-route.js";
import { startHttpServer } from "../../../src/http/server.js";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Each case starts the real server as a child process (2-6 s each, more on a loaded 2-core machine).
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-health-"));
  dirs.push(d);
  return d;
}

describe("server start-up (npm start entry point)", () => {
  it("creates, migrates and seeds a fresh embedded database, serves /healthz, and shuts down cleanly on SIGTERM", async () => {
    const dir = tempDir();
    const server = await spawnServer({ DATABASE_URL: `pglite:${dir}/db` });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(server.output()).toMatch(/imported the seed programme/);
    expect(fs.existsSync(`${dir}/db.lock`)).toBe(true);
    expect(await server.stop()).toBe(0);
    expect(fs.existsSync(`${dir}/db.lock`)).toBe(false); // closed cleanly, lock released

    // Existing data: no re-seed, same programme.
    const again = await spawnServer({ DATABASE_URL: `pglite:${dir}/db` });
    expect(again.output()).not.toMatch(/imported the seed programme/);
    expect(await again.stop()).toBe(0);
  });

  it("survives kill -9 of the embedded database and starts again with its data", async () => {
    const DATABASE_URL = await seededDatabaseUrl();
    const first = await spawnServer({ DATABASE_URL });
    await first.kill9();
    const second = await spawnServer({ DATABASE_URL });
    expect(second.output()).not.toMatch(/imported the seed programme/);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    await second.stop();
  });

  it("refuses to start with a bad variable, naming it in one line", async () => {
    await expect(spawnServer({ PORT: "3978", DATABASE_URL: "mysql://nope" })).rejects.toThrow(
      /DATABASE_URL must be unset/,
    );
    await expect(spawnServer({ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" })).rejects.toThrow(
      /Invalid environment: TEAMS_ALLOW_UNAUTHENTICATED/,
    );
  });
});

describe("GET /healthz", () => {
  it("answers 503 while the database does not answer", async () => {
    let healthy = false;
    const http = await startHttpServer({
      routes: () => [healthRoute(async () => (healthy ? undefined : Promise.reject(new Error("down"))))],
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
    });
    try {
      const down = await fetch(`http://127.0.0.1:${http.port}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable" });
      healthy = true;
      expect((await fetch(`http://127.0.0.1:${http.port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${http.port}/nope`)).status).toBe(404);
    } finally {
      await http.close();
    }
  });
});
