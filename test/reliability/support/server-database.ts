import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pgConnectionFromUrl } from "../../../src/db/database-url.js";

export type ServerDatabase = { url: string; kind: "postgres" | "pglite"; drop(): Promise<void> };

/**
 * A database for spawned servers that outlives any one of them (so a restarted server finds its data):
 * a fresh database on TEST_DATABASE_URL's server when set, otherwise an embedded PGlite folder.
 */
export async function serverDatabase(options: { requirePostgres?: boolean } = {}): Promise<ServerDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    if (options.requirePostgres) throw new Error("this test needs TEST_DATABASE_URL (a PostgreSQL server)");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-rel-db-"));
    return {
      url: `pglite:${path.join(dir, "db")}`,
      kind: "pglite",
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cohort_rel_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    drop: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** One statement on the server (for checks the test makes behind the bot's back). */
export async function adminQuery<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(pgConnectionFromUrl(url));
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Tests that need PostgreSQL (two processes on one database, a cut connection): skipped with a visible
 * reason locally, a loud failure in CI (CI=true) where TEST_DATABASE_URL must be set.
 */
export function postgresOrSkip(): { skip: boolean; reason: string } {
  if (process.env.TEST_DATABASE_URL) return { skip: false, reason: "" };
  const reason = "needs TEST_DATABASE_URL=postgres://… (two processes cannot share an embedded PGlite folder)";
  if (process.env.CI === "true") throw new Error(`CI must run the reliability suite with TEST_DATABASE_URL: ${reason}`);
  console.log(`SKIPPED: ${reason}`);
  return { skip: true, reason };
}
