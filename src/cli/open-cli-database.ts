import { buildCoreDeps } from "../app/build-deps.js";
import { createLogger } from "../app/logger.js";
import { seedIfEmpty } from "../app/seed.js";
import { loadConfig } from "../config/load-config.js";
import type { CoreDeps } from "../core/deps.js";
import { systemClock } from "../core/ports/clock.js";
import { DataFolderBusyError } from "../db/claim-data-folder.js";
import { parseDatabaseUrl } from "../db/database-url.js";
import { type Database, openDatabase } from "../db/open-database.js";

export type CliContext = { db: Database; deps: CoreDeps };

/**
 * Opens the same database the server uses (DATABASE_URL; embedded by default). On the embedded
 * database the CLI joins a running server's instead of opening the folder a second time; with no server
 * it opens the folder itself, under the same lock (a server started meanwhile waits for it). Logs go to
 * stderr so stdout stays clean for --json and CSV.
 */
export async function withCliDatabase<T>(options: { seed: boolean }, run: (ctx: CliContext) => Promise<T>): Promise<T> {
  const env = loadConfig();
  const logger = createLogger({
    level: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL,
    destination: process.stderr as never,
  });
  const db = await openCliDatabase(env.DATABASE_URL, 2);
  try {
    if (options.seed) await seedIfEmpty(db.prisma, logger, env.PROGRAMME_SEED);
    const deps = buildCoreDeps({ db, clock: systemClock, logger, publicUrl: env.PUBLIC_URL, env });
    return await run({ db, deps });
  } finally {
    await db.close();
  }
}

/**
 * Every outcome of the folder's ownership is one line on stderr: giving up on a busy folder (exit 3);
 * the server we joined stopping mid-command, or our own database dying (exit 1). Waiting for the folder
 * is said only at a terminal, like git's progress lines: a script's stderr stays clean when two commands
 * simply run one after the other.
 */
export async function openCliDatabase(url: string | undefined, poolSize: number): Promise<Database> {
  try {
    return await openDatabase(parseDatabaseUrl(url), {
      poolSize,
      role: "cli",
      onWait: process.stderr.isTTY ? (line) => process.stderr.write(`cohort: ${line}\n`) : undefined,
      onLost: (line) => {
        process.stderr.write(`cohort: ${line} while this command ran; run it again.\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
}
