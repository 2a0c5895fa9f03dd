import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * Who a pid is, so a lock left by a dead owner is recognised even when the kernel has since given its
 * pid to another process (PID reuse after a crash or reboot): the pid plus when that process started.
 * Linux: the start time in clock ticks from /proc/<pid>/stat, with the boot id (ticks restart at boot).
 * Elsewhere (macOS, BSD): `ps -o lstart=`, the start time to the second. null when the pid does not run
 * or neither source answers (then only "is the pid alive" is known).
 */
export function processStartIdentity(pid: number): string | null {
  return fromProc(pid) ?? fromPs(pid);
}

/** True when a process with this pid exists (even one of another user: EPERM means it is there). */
export function pidIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The recorded owner still runs: its pid is alive and, where both are known, it started when recorded. */
export function ownerIsRunning(pid: number, recordedIdentity: string | null | undefined): boolean {
  if (!pidIsAlive(pid)) return false;
  if (!recordedIdentity) return true;
  const now = processStartIdentity(pid);
  return now === null || now === recordedIdentity;
}

function fromProc(pid: number): string | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = fields[19]; // field 22, starttime
  if (!startTicks) return null;
  return `linux:${bootId()}:${startTicks}`;
}

let cachedBootId: string | undefined;
function bootId(): string {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    } catch {
      cachedBootId = "";
    }
  }
  return cachedBootId;
}

function fromPs(pid: number): string | null {
  try {
    const started = execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], {
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5_000,
    }).trim();
    return started ? `ps:${started}` : null;
  } catch {
    return null; // no such pid (ps exits 1) or no ps
  }
}
