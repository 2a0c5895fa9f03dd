import { type ChildProcess, spawn } from "node:child_process";
import { CLI_ENTRY, SERVER_ENTRY } from "../../support/built-entry-points.js";
import { freePort } from "../../support/spawn-server.js";

/**
 * Server and CLI processes on one embedded data folder, started without waiting for them to become
 * healthy (spawnServer would): a second server is expected to refuse, a server to wait for the CLI.
 */
export type RunningProcess = {
  pid: number;
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null: killed by a signal). */
  exited: Promise<number | null>;
  running(): boolean;
};

export function startProcess(args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    pid: child.pid ?? 0,
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

export type ServerProcess = RunningProcess & { port: number; url: string };

/** dist/main.js (what `npm start` runs) with the playground on, on the given data folder. */
export async function startServerProcess(dir: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const proc = startProcess([...extraArgs, SERVER_ENTRY], {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `pglite:${dir}`,
    PLAYGROUND: "true",
    SCHEDULER: "false",
  });
  return { ...proc, port, url: `http://127.0.0.1:${port}` };
}

/** The `cohort` CLI on the given data folder; stdin stays open until the test ends it. */
export function startCli(dir: string, args: string[]): RunningProcess {
  return startProcess([CLI_ENTRY, ...args], { DATABASE_URL: `pglite:${dir}` });
}

export async function isHealthy(server: ServerProcess): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
}

/**
 * Asks a question the FAQ cannot answer through the playground. Every question asked is recorded
 * (AskedQuestion, a write) whatever the answerer decides, so the tests look there.
 */
export async function askThrough(server: ServerProcess, tag: string): Promise<boolean> {
  try {
    const res = await fetch(`${server.url}/playground/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        as: "aisha-rahman",
        channel: "tower-hamlets",
        text: `ask what colour is the office carpet ${tag}`,
      }),
      signal: AbortSignal.timeout(20_000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Which of healthy / exited happens first. */
export async function settle(server: ServerProcess): Promise<"healthy" | "exited"> {
  for (;;) {
    if (!server.running()) return "exited";
    if (await isHealthy(server)) return "healthy";
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 200))]);
  }
}

export async function stop(proc: RunningProcess): Promise<number | null> {
  if (proc.running()) proc.process.kill("SIGTERM");
  return proc.exited;
}
