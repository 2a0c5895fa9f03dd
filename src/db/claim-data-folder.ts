import fs from "node:fs";
import path from "node:path";
import {
  type LockRecord,
  newLockRecord,
  readLock,
  releaseLock,
  removeStaleLock,
  replaceLock,
  type Serving,
  tryCreateLock,
} from "./folder-lock.js";
import { ownerIsRunning } from "./process-identity.js";

export type FolderRole = "server" | "cli";

/** We own the folder: open it, then (servers) `publish` how joiners reach it; `release` when closed. */
export type OwnedFolder = {
  kind: "own";
  lockPath: string;
  publish(serving: Serving): void;
  release(): void;
};
/** Another process owns the folder and serves it: connect to it, never open the folder. */
export type JoinedFolder = { kind: "join"; owner: LockRecord & { serving: Serving } };

/** The data folder is someone else's and we may not wait any longer: one line, exit code 3. */
export class DataFolderBusyError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = "DataFolderBusyError";
  }
}

export const DEFAULT_WAIT_MS = 60_000;
const POLL_MS = 150;

/**
 * Decides, before anything opens the folder, who owns an embedded data folder (two PGlite instances on
 * one folder corrupt it and lose confirmed writes):
 * - nobody (or a dead owner: pid gone, or reused by another process) → we own it;
 * - a server → a second server refuses at once; the CLI joins it once it serves, waiting while it starts;
 * - a CLI command → a server or another command waits for it (up to `waitMs`), then owns the folder.
 *   Nothing ever joins a CLI's database: the command ends soon, and its joiner would be left without one.
 */
export async function claimDataFolder(
  folder: string,
  options: { role: FolderRole; waitMs?: number; onWait?: (line: string) => void },
): Promise<OwnedFolder | JoinedFolder> {
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const lockPath = `${folder}.lock`;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  const record = newLockRecord(options.role);
  const prefix = options.role === "server" ? "Cohort Bot cannot start" : "cohort";
  let announced = false;
  for (;;) {
    if (tryCreateLock(lockPath, record)) return owned(lockPath, record);
    const lock = readOrRefuse(lockPath, `${prefix}: data folder ${folder}`);
    if (!lock) continue; // released between our attempt and our look
    const owner = lock.record;
    if (!owner || !ownerIsRunning(owner.pid, owner.started)) {
      if (!removeStaleLock(lockPath, lock.raw)) await sleep(POLL_MS);
      continue;
    }
    if (owner.role === "server" && options.role === "server") {
      throw new DataFolderBusyError(
        `${prefix}: data folder ${folder} is already in use by another Cohort Bot server (pid ${owner.pid}). Stop that server first, or set DATABASE_URL=pglite:<another folder>.`,
      );
    }
    if (owner.role === "server" && owner.serving) return { kind: "join", owner: { ...owner, serving: owner.serving } };
    const what = owner.role === "server" ? "the Cohort Bot server (still starting)" : "a cohort command";
    if (Date.now() >= deadline) {
      throw new DataFolderBusyError(
        `${prefix}: data folder ${folder} is still in use by ${what} (pid ${owner.pid}) after ${Math.round(waitMs / 1000)} s. Let it finish (or stop it), then try again.`,
      );
    }
    if (!announced) {
      announced = true;
      options.onWait?.(
        `data folder ${folder} is in use by ${what} (pid ${owner.pid}); waiting up to ${Math.round(waitMs / 1000)} s for it…`,
      );
    }
    await sleep(POLL_MS);
  }
}

function owned(lockPath: string, record: LockRecord): OwnedFolder {
  return {
    kind: "own",
    lockPath,
    publish: (serving) => replaceLock(lockPath, { ...record, serving }),
    release: () => releaseLock(lockPath, record.nonce),
  };
}

function readOrRefuse(lockPath: string, what: string) {
  try {
    return readLock(lockPath);
  } catch (error) {
    throw new DataFolderBusyError(
      `${what} is locked by a process of another user, or its lock cannot be read (${(error as NodeJS.ErrnoException).code ?? "unreadable"}: ${lockPath}).`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
