import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_ENTRY } from "../support/built-entry-points.js";
import { spawnServer } from "../support/spawn-server.js";

/**
 * Promise: the process-level policy of docs/RELIABILITY.md ("When something is not caught"), on the real
 * server. An unhandled rejection is logged and the server keeps serving; an uncaught exception is logged,
 * the server and the database are closed, and the process exits 1 for its supervisor, which can start it
 * again on the same data.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-process-faults-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: `pglite:${path.join(dir, "db")}`, PLAYGROUND: "false", SCHEDULER: "false" };
const args = ["--import", "./test/reliability/support/inject-faults.mjs", SERVER_ENTRY];

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("process-level faults", () => {
  it("logs an unhandled rejection and keeps serving; stops with exit 1 on an uncaught exception", async () => {
    const server = await spawnServer(env, { args, timeoutMs: 90_000 });
    try {
      server.process.kill("SIGUSR2");
      await until(() => /unhandled promise rejection/.test(server.output()), 20_000, "the rejection log line");
      expect(server.output()).toMatch(/injected rejection/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(server.process.exitCode).toBeNull();

      const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
      server.process.kill("SIGHUP");
      const code = await exited;
      console.log(`[reliability] process faults: rejection → still serving; exception → exit ${code}`);
      expect(code).toBe(1);
      expect(server.output()).toMatch(/uncaught exception; stopping with exit code 1/);
    } finally {
      await server.kill9();
    }
    // What a supervisor does next: start it again on the same data.
    const again = await spawnServer(env, { timeoutMs: 90_000 });
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    await again.stop();
  }, 240_000);
});
