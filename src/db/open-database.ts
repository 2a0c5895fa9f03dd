import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { type DatabaseTarget, type PgConnection, pgConnectionFromUrl } from "./database-url.js";
import { type EmbeddedOptions, type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations, type MigrationResult } from "./migrate.js";

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  connection: PgConnection;
  migration: MigrationResult | null;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** Embedded, owned by a server: lets the CLI join from now on (call once migrated and seeded). */
  openToJoiners(): void;
  close(): Promise<void>;
};

/**
 * `role`, `onWait`, `onLost`: the embedded data folder's ownership rules (see embedded-postgres.ts).
 * `transactionOptions` and `connectionTimeoutMs` default to Prisma's (2 s to start a transaction, 5 s to
 * finish it) and 5 s; tests on a loaded machine give them more room (test/support/test-database.ts).
 */
export type OpenOptions = {
  migrate?: boolean;
  poolSize?: number;
  transactionOptions?: { maxWait?: number; timeout?: number };
  connectionTimeoutMs?: number;
} & EmbeddedOptions;

/** Opens the database named by the target (embedded or server), migrated unless told not to. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  const embedded = target.kind === "pglite" ? await startEmbeddedPostgres(target.dir, options) : null;
  const connection =
    target.kind === "postgres" ? pgConnectionFromUrl(target.url) : (embedded as EmbeddedPostgres).connection;
  try {
    const migration = options.migrate === false ? null : await applyMigrations(connection);
    const adapter = new PrismaPg({
      ...connection,
      max: options.poolSize ?? 8,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    });
    const prisma = new PrismaClient({ adapter, transactionOptions: options.transactionOptions });
    return {
      prisma,
      target,
      connection,
      migration,
      async ping(timeoutMs = 2_000) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs);
        });
        try {
          await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
        } finally {
          clearTimeout(timer);
        }
      },
      openToJoiners() {
        embedded?.openToJoiners();
      },
      async close() {
        await prisma.$disconnect();
        await embedded?.close();
      },
    };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}
