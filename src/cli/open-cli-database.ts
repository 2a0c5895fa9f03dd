import { buildCoreDeps } from "../app/build-deps.js";
import { createLogger } from "../app/logger.js";
import { seedIfEmpty } from "../app/seed.js";
import { loadConfig } from "../config/load-config.js";
import type { CoreDeps } from "../core/deps.js";
import { systemClock } from "../core/ports/clock.js";
import { parseDatabaseUrl } from "../db/database-url.js";
import { type Database, openDatabase } from "../db/open-database.js";

export type CliContext = { db: Database; deps: CoreDeps };

/**
 * Opens the same database the server uses (DATABASE_URL; embedded by default). When the server is
 * running on the embedded database, the CLI joins it instead of opening the folder twice. Logs go to
 * stderr so stdout stays clean for --json and CSV.
 */
export async function withCliDatabase<T>(options: { seed: boolean }, run: (ctx: CliContext) => Promise<T>): Promise<T> {
  const env = loadConfig();
  const logger = createLogger({
    level: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL,
    destination: process.stderr as never,
  });
  const db = await openDatabase(parseDatabaseUrl(env.DATABASE_URL), { poolSize: 2 });
  try {
    if (options.seed) await seedIfEmpty(db.prisma, logger, env.PROGRAMME_SEED);
    const deps = buildCoreDeps({ db, clock: systemClock, logger, publicUrl: env.PUBLIC_URL, env });
    return await run({ db, deps });
  } finally {
    await db.close();
  }
}
