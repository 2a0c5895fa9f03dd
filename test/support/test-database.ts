import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { pgConnectionFromUrl } from "../../src/db/database-url.js";
import { type Database, openDatabase } from "../../src/db/open-database.js";
import { migratedSnapshot } from "./database-snapshot.js";

/**
 * Prisma's defaults (2 s to get a connection and start a transaction, 5 s to finish it; 5 s to connect)
 * fail tests on a loaded machine with "Unable to start a transaction in the given time" although nothing
 * is wrong. Production keeps the defaults; a real deadlock still fails, after these.
 */
export const TEST_DATABASE_TIMEOUTS = {
  transactionOptions: { maxWait: 30_000, timeout: 60_000 },
  connectionTimeoutMs: 30_000,
};

export type TestDatabase = Database & {
  /** Empties every table (keeps the schema); 5-12 ms. Call between tests. */
  reset(): Promise<void>;
};

/**
 * Databases that earlier test files of this worker process closed, emptied and ready again. Test files
 * share their process (vitest.config.ts: isolate: false), so a file can have the last file's database,
 * empty: ~0.15 s instead of ~0.8 s to load a new PGlite (~2 s on a busy machine) or a CREATE DATABASE.
 */
const idle: TestDatabase[] = [];

/** Emptying waits this long at most (a lock the last file still holds): then the database is closed. */
const EMPTYING_LOCK_TIMEOUT = "10s";

/**
 * A database for a test file, empty but for the migrations: an in-memory PGlite by default, or — when
 * TEST_DATABASE_URL points at a PostgreSQL server (CI's second leg) — a database created on that server
 * (named after this run, dropped by the global setup's teardown). The PGlite one starts from a migrated
 * snapshot (database-snapshot.ts): no initdb, no migrations to run. Open it in beforeAll and `reset()`
 * between tests; a database per test only where a test needs its own. `close()` empties it and keeps it
 * for the next file of this process: a file never sees another's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  return idle.pop() ?? (await openTestDatabase());
}

async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let db: Database;
  if (adminUrl) {
    const name = `${inject("testDatabasePrefix")}${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client(pgConnectionFromUrl(adminUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: "postgres", url: url.toString() }, { poolSize: 4, ...TEST_DATABASE_TIMEOUTS });
  } else {
    db = await openDatabase(
      { kind: "pglite", dir: null },
      { poolSize: 4, snapshot: await migratedSnapshot(), ...TEST_DATABASE_TIMEOUTS },
    );
  }
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const truncate = `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`;
  return handle({
    ...db,
    async reset() {
      await db.prisma.$executeRawUnsafe(truncate);
    },
    async close() {
      // Emptied for the next file; closed for good if that cannot be done in time.
      try {
        await db.prisma.$transaction([
          db.prisma.$executeRawUnsafe(`SET LOCAL lock_timeout = '${EMPTYING_LOCK_TIMEOUT}'`),
          db.prisma.$executeRawUnsafe(truncate),
        ]);
        idle.push(handle(this));
      } catch {
        await db.close();
      }
    },
  });
}

/** What a test file holds: closing it once hands the database on; closing it again does nothing. */
function handle(db: TestDatabase): TestDatabase {
  let closed = false;
  return {
    ...db,
    async close() {
      if (closed) return;
      closed = true;
      await db.close.call(db);
    },
  };
}
