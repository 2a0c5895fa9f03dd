import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { SERVER_ENTRY } from "./built-entry-points.js";
import { SERVER_START_TIMEOUT } from "./timeouts.js";

export type SpawnedServer = {
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** kill -9: no chance to clean up (crash tests). */
  kill9(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (dist/main.js, what `npm start` runs, built before the suite: built-entry-points.ts)
 * as a child process and waits until /healthz answers 200. The entry point under test is the real one, not an
 * in-process copy.
 * A server that exits fails at once; one that never answers fails after SERVER_START_TIMEOUT (a real clock:
 * start-up takes 2-6 s idle and about a minute on a loaded 2-core machine).
 */
export async function spawnServer(
  env: Record<string, string>,
  options: { timeoutMs?: number; pollMs?: number; args?: string[] } = {},
): Promise<SpawnedServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let log = "";
  const child = spawn(process.execPath, options.args ?? [SERVER_ENTRY], {
    env: { ...process.env, LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? SERVER_START_TIMEOUT);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 100));
  }
  if (Date.now() >= deadline) {
    child.kill("SIGKILL");
    throw new Error(`server not healthy in time:\n${log}`);
  }
  return {
    port,
    url,
    process: child,
    output: () => log,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
    async kill9() {
      if (child.exitCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}
