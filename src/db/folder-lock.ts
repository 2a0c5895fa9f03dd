import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { ownerIsRunning, processStartIdentity } from "./process-identity.js";

/** How a joiner reaches the owner's database: loopback only, with this start's password. */
export type Serving = { host: string; port: number; user: string; password: string; database: string };

/** The content of `<data folder>.lock`: who owns the folder, and (servers, once ready) how to join it. */
export type LockRecord = {
  pid: number;
  /** When the owner process started (process-identity.ts), so a reused pid is not taken for the owner. */
  started: string | null;
  hostname: string;
  role: "server" | "cli";
  /** Random per acquisition: tells our own lock from a successor's. */
  nonce: string;
  serving?: Serving;
};

export type LockFile = { record: LockRecord | null; raw: string };

const REAP_STALE_MS = 10_000;

export function newLockRecord(role: LockRecord["role"]): LockRecord {
  return {
    pid: process.pid,
    started: processStartIdentity(process.pid),
    hostname: os.hostname(),
    role,
    nonce: randomBytes(12).toString("hex"),
  };
}

/**
 * Creates the lock atomically or not at all: the record is written to a private temporary file (O_EXCL,
 * mode 0600) and hard-linked to the lock's name, which fails if the name exists (the NFS-safe form of
 * O_EXCL, see open(2)). So a reader never sees a half-written lock and two creators cannot both win.
 */
export function tryCreateLock(lockPath: string, record: LockRecord): boolean {
  const temp = writePrivateTemp(lockPath, record);
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The owner rewrites its own lock (e.g. to add `serving`): a rename, so readers see old or new. */
export function replaceLock(lockPath: string, record: LockRecord): void {
  fs.renameSync(writePrivateTemp(lockPath, record), lockPath);
}

/** null when there is no lock; `record` null when it cannot be understood (then only its text is known). */
export function readLock(lockPath: string): LockFile | null {
  let raw: string;
  try {
    raw = fs.readFileSync(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return { record: parseRecord(raw), raw };
}

/** Removes the lock if it is still ours (never a successor's). */
export function releaseLock(lockPath: string, nonce: string): void {
  if (readLock(lockPath)?.record?.nonce === nonce) fs.rmSync(lockPath, { force: true });
}

/**
 * Removes a stale lock — one whose owner is gone — only if it still holds exactly the text judged stale.
 * The check and the removal run under a second exclusive file, `<lock>.reap`, so two processes that
 * both found the same stale lock cannot remove each other's fresh one. Returns false when another
 * process is reaping (try again shortly).
 */
export function removeStaleLock(lockPath: string, staleRaw: string): boolean {
  const reapPath = `${lockPath}.reap`;
  const reaper = newLockRecord("cli");
  if (!tryCreateLock(reapPath, reaper)) {
    clearAbandonedReap(reapPath);
    return false;
  }
  try {
    if (readLock(lockPath)?.raw === staleRaw) fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    releaseLock(reapPath, reaper.nonce);
  }
}

/** A reaper that died between creating and removing `.reap` (a window of microseconds) is cleared. */
function clearAbandonedReap(reapPath: string): void {
  try {
    const reap = readLock(reapPath);
    const ageMs = Date.now() - fs.statSync(reapPath).mtimeMs;
    const holder = reap?.record;
    if (!holder || !ownerIsRunning(holder.pid, holder.started) || ageMs > REAP_STALE_MS) fs.rmSync(reapPath);
  } catch {
    // gone meanwhile
  }
}

function writePrivateTemp(lockPath: string, record: LockRecord): string {
  const temp = `${lockPath}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(record)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

function parseRecord(raw: string): LockRecord | null {
  let value: Partial<LockRecord> & { port?: number };
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value?.pid !== "number") return null;
  // A lock written before this format ({pid, host, port}): a server's, no start time, no password.
  return {
    pid: value.pid,
    started: typeof value.started === "string" ? value.started : null,
    hostname: typeof value.hostname === "string" ? value.hostname : "",
    role: value.role === "cli" ? "cli" : "server",
    nonce: typeof value.nonce === "string" ? value.nonce : raw,
    serving: parseServing(value.serving),
  };
}

/**
 * Only a complete loopback address is joinable. Anything less is ignored rather than filled in: `pg`
 * fills gaps with its defaults (localhost:5432), which would point the CLI at another database.
 */
function parseServing(value: unknown): Serving | undefined {
  const v = value as Partial<Serving> | undefined;
  const valid =
    v?.host === "127.0.0.1" &&
    Number.isInteger(v.port) &&
    (v.port as number) > 0 &&
    (v.port as number) < 65536 &&
    typeof v.password === "string" &&
    v.password !== "" &&
    typeof v.user === "string" &&
    typeof v.database === "string";
  return valid ? (v as Serving) : undefined;
}
