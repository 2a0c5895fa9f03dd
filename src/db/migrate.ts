import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { PgConnection } from "./database-url.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** Prisma's own advisory-lock id for migrations, so we and `prisma migrate` never run at once. */
const MIGRATION_LOCK_ID = 72707369;

export type MigrationResult = { applied: string[]; alreadyApplied: number; ms: number };

/**
 * Applies committed prisma/migrations/<name>/migration.sql files in order, each in one transaction,
 * recorded in _prisma_migrations with Prisma's checksum (sha256 of the file) so `prisma migrate status`
 * stays truthful. Done in-process because the Prisma CLI takes 10-60 s to exit (PRISMA-OFFLINE pitfall 5).
 */
export async function applyMigrations(
  connection: PgConnection,
  dir: string = MIGRATIONS_DIR,
): Promise<MigrationResult> {
  const started = performance.now();
  const client = new pg.Client(connection);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const result: string[] = [];
    for (const name of listMigrations(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = applied.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(
            `Migration ${name} was edited after it was applied (checksum differs). Add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        // Simple-query protocol (no parameters) accepts a multi-statement script.
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      result.push(name);
    }
    return { applied: result, alreadyApplied: applied.size, ms: performance.now() - started };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

export function listMigrations(dir: string = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}
