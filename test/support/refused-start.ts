import { spawn } from "node:child_process";
import { SERVER_ENTRY } from "./built-entry-points.js";
import { freePort } from "./spawn-server.js";

export type Refusal = { code: number | null; stdout: string; stderr: string; port: number };

/**
 * Starts the real server (dist/main.js, as spawnServer does) expecting it to refuse: resolves with its
 * exit code and output once it exits, or rejects if it is still running (i.e. answering /healthz) after
 * `timeoutMs`, so a server that starts when it should not fails the test instead of hanging it.
 */
export async function startExpectingRefusal(env: Record<string, string>, timeoutMs = 60_000): Promise<Refusal> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, LOG_LEVEL: "info", SCHEDULER: "false", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (child.exitCode === null && Date.now() < deadline) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) break;
    await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
  }
  if (child.exitCode === null) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`the server started instead of refusing:\n${stdout}${stderr}`);
  }
  return { code: await exited, stdout, stderr, port };
}

/** The lines a person reads (stderr), without blank ones. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "");
}
