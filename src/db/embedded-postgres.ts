import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  claimDataFolder,
  DataFolderBusyError,
  type FolderRole,
  type JoinedFolder,
  type OwnedFolder,
} from "./claim-data-folder.js";
import type { PgConnection } from "./database-url.js";
import { startDatabaseWorker } from "./database-worker.js";

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres wire
 * protocol on 127.0.0.1 from its own worker thread, behind a per-start password, so the app talks to it
 * through the official @prisma/adapter-pg exactly as it talks to a real server. See docs/DATABASE.md.
 */
export type EmbeddedPostgres = {
  connection: PgConnection;
  /** True when another process (a running server) owns this folder and we connected to it. */
  shared: boolean;
  /** A server's database, once ready, is offered to the CLI through the lock file. */
  openToJoiners(): void;
  close(): Promise<void>;
};

export type EmbeddedOptions = {
  /** "server" refuses a folder another server owns; "cli" (the default) joins it. */
  role?: FolderRole;
  waitMs?: number;
  /** Told once when we wait for the folder's current owner. */
  onWait?: (line: string) => void;
  /** The database went away under us (its thread died, or the server we joined stopped): one line. */
  onLost?: (line: string) => void;
  /**
   * In memory only: the database starts as this `dumpDataDir` tarball (an already migrated database)
   * instead of a fresh initdb, several times faster. Test databases use it (test/support/test-database.ts).
   */
  snapshot?: Uint8Array<ArrayBuffer>;
};

const JOIN_ATTEMPTS = 3;

export async function startEmbeddedPostgres(
  dir: string | null,
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  const onLost = options.onLost ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (dir === null) return serve(null, null, onLost, options.snapshot);
  for (let attempt = 1; ; attempt++) {
    const claim = await claimDataFolder(dir, {
      role: options.role ?? "cli",
      waitMs: options.waitMs,
      onWait: options.onWait,
    });
    if (claim.kind === "own") return serveOrRelease(dir, claim, options.role === "server", onLost);
    try {
      return await join(dir, claim, onLost);
    } catch (error) {
      // The owner stopped between our reading its lock and connecting: decide again.
      if (attempt >= JOIN_ATTEMPTS) {
        throw new DataFolderBusyError(
          `cohort: cannot reach the Cohort Bot server (pid ${claim.owner.pid}) that owns data folder ${dir}: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

async function serveOrRelease(dir: string, claim: OwnedFolder, isServer: boolean, onLost: (line: string) => void) {
  try {
    const embedded = await serve(dir, claim, onLost);
    return isServer ? embedded : { ...embedded, openToJoiners() {} };
  } catch (error) {
    claim.release();
    throw error;
  }
}

async function serve(
  dir: string | null,
  claim: OwnedFolder | null,
  onLost: (line: string) => void,
  snapshot?: Uint8Array<ArrayBuffer>,
) {
  const password = randomBytes(24).toString("base64url");
  let closed = false;
  const worker = await startDatabaseWorker({ dir, password, snapshot }, (reason) => {
    if (closed) return;
    closed = true;
    claim?.release();
    onLost(`the embedded database${dir ? ` (data folder ${dir})` : ""} stopped unexpectedly: ${reason}`);
  });
  const connection = { host: "127.0.0.1", port: worker.port, user: "postgres", password, database: "postgres" };
  return {
    connection,
    shared: false,
    openToJoiners() {
      if (!closed) claim?.publish(connection);
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop();
      claim?.release();
    },
  } satisfies EmbeddedPostgres;
}

/**
 * Joins the owner's database. A lifeline connection tells us the moment the owner goes away, so a
 * joiner is never left running without its database (and never meets an unhandled "Connection terminated").
 */
async function join(dir: string, claim: JoinedFolder, onLost: (line: string) => void): Promise<EmbeddedPostgres> {
  const connection = { ...claim.owner.serving };
  const lifeline = new pg.Client(connection);
  let closing = false;
  let connected = false;
  const lost = () => {
    if (closing || !connected) return;
    closing = true;
    onLost(`the Cohort Bot server (pid ${claim.owner.pid}) that owns data folder ${dir} stopped`);
  };
  lifeline.on("error", lost);
  try {
    await lifeline.connect();
  } catch (error) {
    closing = true;
    await lifeline.end().catch(() => {});
    throw error;
  }
  connected = true;
  lifeline.on("end", lost);
  return {
    connection,
    shared: true,
    openToJoiners() {},
    async close() {
      closing = true;
      await lifeline.end().catch(() => {});
    },
  };
}
