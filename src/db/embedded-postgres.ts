import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { PgConnection } from "./database-url.js";
import { serializeExtendedQueries } from "./serialize-protocol.js";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres wire
 * protocol on 127.0.0.1, so the app talks to it through the official @prisma/adapter-pg exactly as
 * it talks to a real server. One code path for both; see docs/DATABASE.md for why.
 */
export type EmbeddedPostgres = {
  connection: PgConnection;
  /** True when another process of ours already serves this folder and we connected to it. */
  shared: boolean;
  close(): Promise<void>;
};

type LockInfo = { pid: number; host: string; port: number };

const LOCK_SUFFIX = ".lock";
/**
 * PostgreSQL's default 128 MB of shared buffers is allocated and touched inside PGlite's WebAssembly
 * memory at start: ~140 MB of resident memory and ~80 ms of start-up for a database of a few MB.
 * 16 MB holds a whole programme's working set (bench/: RSS and cold start).
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

export async function startEmbeddedPostgres(dir: string | null): Promise<EmbeddedPostgres> {
  if (dir === null) return serve(await PGlite.create({ startParams: START_PARAMS }), null);

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lockPath = dir + LOCK_SUFFIX;
  const owner = readLiveLock(lockPath);
  if (owner) {
    // Two PGlite instances on one folder corrupt it; join the running server's instead.
    return {
      connection: { host: owner.host, port: owner.port, user: "postgres", database: "postgres" },
      shared: true,
      close: async () => {},
    };
  }
  const db = await PGlite.create(dir, { startParams: START_PARAMS });
  return serve(db, lockPath);
}

async function serve(db: PGlite, lockPath: string | null): Promise<EmbeddedPostgres> {
  // maxConnections > the pool size: with 1, a second client (the CLI) is refused.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  serializeExtendedQueries(server);
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  const port = Number(address.split(":").pop());
  if (lockPath) writeLock(lockPath, { pid: process.pid, host: "127.0.0.1", port });
  let closed = false;
  return {
    connection: { host: "127.0.0.1", port, user: "postgres", database: "postgres" },
    shared: false,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
      if (lockPath) removeLock(lockPath);
    },
  };
}

function readLiveLock(lockPath: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return null;
  }
  if (info.pid === process.pid) return null;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null; // stale: the owner died (kill -9, power loss)
  }
}

function writeLock(lockPath: string, info: LockInfo): void {
  fs.writeFileSync(lockPath, JSON.stringify(info));
}

function removeLock(lockPath: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
    if (info.pid === process.pid) fs.rmSync(lockPath);
  } catch {
    // already gone
  }
}
