import pg from "pg";

/** A database the bench runs the server against: the embedded one always, PostgreSQL when one answers. */
export type BenchDatabase = {
  name: "embedded" | "postgres";
  /** DATABASE_URL for the server; undefined = an embedded folder the bench server creates. */
  url?: string;
  drop(): Promise<void>;
};

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * The embedded database, and PostgreSQL on 127.0.0.1:5432 if it answers within 2 s: a fresh database
 * `cohort_bench_<pid>` is created for this run and dropped by `drop()` (also on Ctrl+C), so runs never
 * see each other's data. Set BENCH_POSTGRES=false to skip it.
 */
export async function benchDatabases(log: (line: string) => void): Promise<BenchDatabase[]> {
  const embedded: BenchDatabase = { name: "embedded", drop: async () => {} };
  if (process.env.BENCH_POSTGRES === "false") return [embedded];
  const name = `cohort_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    log(`PostgreSQL on 127.0.0.1:5432 not used (${(error as Error).message}): embedded database only`);
    return [embedded];
  } finally {
    await admin.end().catch(() => {});
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      log(`could not drop ${name}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
  };
  process.once("SIGINT", () => void drop().finally(() => process.exit(130)));
  return [embedded, { name: "postgres", url: `postgres://postgres@127.0.0.1:5432/${name}`, drop }];
}
