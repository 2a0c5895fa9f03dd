import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from "../../src/db/migrate.js";

const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/cohort-bot/", import.meta.url));
const MIGRATE_SOURCE = fileURLToPath(new URL("../../src/db/migrate.ts", import.meta.url));

let memo: Promise<Uint8Array<ArrayBuffer> | undefined> | undefined;

/**
 * A freshly migrated embedded database as a `dumpDataDir` tarball, for test databases to start from.
 * initdb is most of an in-memory PGlite's start-up (~2.5 s of ~3 s idle, 30-50 s at load 16), and the
 * migrations most of the rest; a database loaded from this tarball skips both (openDatabase still runs
 * applyMigrations, which finds everything applied). Built once and kept in node_modules/.cache under a
 * key made of PGlite's version, the migration files and migrate.ts, so a new or edited migration builds
 * a new one. undefined (every database runs initdb as before) if it cannot be built or written.
 */
export function migratedSnapshot(): Promise<Uint8Array<ArrayBuffer> | undefined> {
  memo ??= loadOrBuild().catch((error) => {
    // Slower, not wrong: say so once rather than hide it.
    process.stderr.write(
      `[test-database] no migrated snapshot (${(error as Error).message}): each database runs initdb\n`,
    );
    return undefined;
  });
  return memo;
}

async function loadOrBuild(): Promise<Uint8Array<ArrayBuffer>> {
  const file = path.join(CACHE_DIR, `pglite-migrated-${snapshotKey()}.tar`);
  if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
  const bytes = await buildSnapshot();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file); // test processes building at once write equivalent files; rename is atomic
  return bytes;
}

function snapshotKey(): string {
  const hash = createHash("sha256");
  hash.update(fs.readFileSync(new URL("../package.json", import.meta.resolve("@electric-sql/pglite"))));
  hash.update(fs.readFileSync(MIGRATE_SOURCE));
  for (const name of listMigrations()) {
    hash.update(name);
    hash.update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Migrated by the same applyMigrations as every database (same _prisma_migrations rows and checksums). */
async function buildSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
  try {
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    await applyMigrations({ host: "127.0.0.1", port, user: "postgres", password: "", database: "postgres" });
    await server.stop();
    const tarball = await db.dumpDataDir("none");
    return new Uint8Array(await tarball.arrayBuffer());
  } finally {
    await server.stop().catch(() => {});
    await db.close();
  }
}
