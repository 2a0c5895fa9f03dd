import { randomBytes } from "node:crypto";
import pg from "pg";
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
 * One database per test file: an in-memory PGlite by default, or — when TEST_DATABASE_URL points at a
 * PostgreSQL server (CI's second leg) — a fresh database created on that server and dropped afterwards.
 * The PGlite one starts from a migrated snapshot (database-snapshot.ts): no initdb, no migrations to run.
 * Open it in beforeAll and `reset()` between tests; a database per test only where a test needs its own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  let db: Database;
  if (adminUrl) {
    const name = `cohort_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client(pgConnectionFromUrl(adminUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: "postgres", url: url.toString() }, { poolSize: 4, ...TEST_DATABASE_TIMEOUTS });
    dropDatabase = async () => {
      const c = new pg.Client(pgConnectionFromUrl(adminUrl));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    db = await openDatabase(
      { kind: "pglite", dir: null },
      {
        poolSize: 4,
        snapshot: await migratedSnapshot(),
        ...TEST_DATABASE_TIMEOUTS,
      },
    );
  }
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const list = tables.map((t) => `"${t.tablename}"`).join(", ");
  return {
    ...db,
    async reset() {
      await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
    },
    async close() {
      await db.close();
      await dropDatabase?.();
    },
  };
}
