import fs from "node:fs";
import type { Worker } from "node:worker_threads";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { migratedSnapshot } from "../../support/database-snapshot.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

/**
 * Promise: the embedded database runs in its own thread (issue 15, point 1): its CPU never stalls the
 * app's event loop; a thread that dies is noticed at once, never left as a silent half-life.
 */
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const workers: Worker[] = [];
vi.mock("node:worker_threads", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:worker_threads")>();
  class TrackedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      workers.push(this);
    }
  }
  return { ...real, Worker: TrackedWorker };
});

// Test files share a process (vitest.config.ts: isolate: false), so the database modules may already be
// loaded with the real Worker: load them afresh, after the mock.
let startEmbeddedPostgres: typeof import("../../../src/db/embedded-postgres.js").startEmbeddedPostgres;
let openDatabase: typeof import("../../../src/db/open-database.js").openDatabase;
beforeAll(async () => {
  vi.resetModules();
  ({ startEmbeddedPostgres } = await import("../../../src/db/embedded-postgres.js"));
  ({ openDatabase } = await import("../../../src/db/open-database.js"));
});

describe("the embedded database's thread", () => {
  it("runs a query's CPU off the caller's event loop", async () => {
    const db = await startEmbeddedPostgres(null, { snapshot: await migratedSnapshot() });
    const client = new pg.Client(db.connection);
    try {
      await client.connect();
      let maxGap = 0;
      let ticks = 0;
      let running = true;
      const ticking = (async () => {
        let last = performance.now();
        while (running) {
          await new Promise((r) => setTimeout(r, 2));
          const now = performance.now();
          maxGap = Math.max(maxGap, now - last);
          last = now;
          ticks++;
        }
      })();
      const started = performance.now();
      await client.query("SELECT count(*) FROM generate_series(1, 3000000) AS a, generate_series(1, 2) AS b");
      const queryMs = performance.now() - started;
      running = false;
      await ticking;
      console.log(
        `[worker] query ${Math.round(queryMs)} ms, event loop: ${ticks} ticks, longest gap ${Math.round(maxGap)} ms`,
      );
      // In the same thread the loop would stand still for the whole query.
      expect(maxGap).toBeLessThan(queryMs / 3);
      expect(ticks).toBeGreaterThan(10);
    } finally {
      await client.end();
      await db.close();
    }
  });

  it("closes cleanly: the thread ends, the lock goes, and the folder reopens with its data", async () => {
    const dir = await seededDataFolder(); // an existing folder: no initdb (seconds) before the point
    const first = await openDatabase({ kind: "pglite", dir }, { migrate: false });
    await first.prisma.$executeRawUnsafe("CREATE TABLE kept (n int)");
    await first.prisma.$executeRawUnsafe("INSERT INTO kept VALUES (7)");
    const worker = workers.at(-1);
    const exited = new Promise((resolve) => worker?.once("exit", resolve));
    await first.close();
    await exited;
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    const again = await openDatabase({ kind: "pglite", dir }, { migrate: false });
    try {
      expect(await again.prisma.$queryRawUnsafe("SELECT n FROM kept")).toEqual([{ n: 7 }]);
    } finally {
      await again.close();
    }
  });

  it("reports a dead thread once, in one line, releases the folder, and fails queries instead of hanging", async () => {
    const dir = await seededDataFolder();
    const lost: string[] = [];
    const db = await openDatabase({ kind: "pglite", dir }, { migrate: false, onLost: (line) => lost.push(line) });
    try {
      expect(fs.existsSync(`${dir}.lock`)).toBe(true);
      await workers.at(-1)?.terminate(); // what a PGlite abort does to the thread
      await vi.waitFor(() => expect(lost).toHaveLength(1));
      expect(lost[0]).toBe(
        `the embedded database (data folder ${dir}) stopped unexpectedly: its thread exited with code 1`,
      );
      expect(lost[0]).not.toContain("\n");
      expect(fs.existsSync(`${dir}.lock`)).toBe(false);
      await expect(db.ping(5_000)).rejects.toThrow();
    } finally {
      await db.close();
    }
    expect(lost).toHaveLength(1);
  });
});
