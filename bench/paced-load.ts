import http from "node:http";
import { type Summary, summarise } from "./stats.js";

export type LoadRequest = { path: string; body: string; headers: Record<string, string> };

export type LoadResult = {
  rate: number;
  durationMs: number;
  sent: number;
  ok: number;
  /** Non-2xx, wrong body, socket errors and timeouts, by kind. */
  errors: number;
  errorKinds: Record<string, number>;
  latency: Summary;
  /** How late the generator itself fired a request (its own event loop), so a slow generator shows. */
  maxDispatchLagMs: number;
};

/**
 * Open-loop load at a fixed rate: request i is fired at start + i/rate whether or not earlier ones
 * have answered (so a slow server queues requests and it shows in the latency, unlike a closed loop
 * of N connections). Keep-alive sockets, 127.0.0.1 only, a bounded count and a per-request timeout,
 * so it always stops by itself.
 */
export async function pacedLoad(options: {
  baseUrl: string;
  rate: number;
  durationMs: number;
  request: (i: number) => LoadRequest;
  check?: (status: number, body: string) => boolean;
  /** An answer later than this is an error even if it is right (Slack shows a timeout after 3 s). */
  deadlineMs?: number;
  timeoutMs?: number;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  if (url.hostname !== "127.0.0.1") throw new Error(`benchmarks only target 127.0.0.1 (got ${url.hostname})`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string) => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let ok = 0;
  let maxLag = 0;
  const inFlight: Promise<void>[] = [];

  const fire = (i: number) =>
    new Promise<void>((resolve) => {
      const { path, body, headers } = options.request(i);
      const started = performance.now();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: "POST",
          agent,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          timeout: options.timeoutMs ?? 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const ms = performance.now() - started;
            latencies.push(ms);
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) fail(`http ${status}`);
            else if (options.deadlineMs !== undefined && ms > options.deadlineMs) fail("late");
            else if (options.check && !options.check(status, text)) fail("unexpected body");
            else ok++;
            resolve();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (err) => {
        fail(err.message === "timeout" ? "timeout" : `socket ${(err as NodeJS.ErrnoException).code ?? err.message}`);
        resolve();
      });
      req.end(body);
    });

  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    maxLag = Math.max(maxLag, performance.now() - due);
    inFlight.push(fire(i));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
  return {
    rate: options.rate,
    durationMs: options.durationMs,
    sent: total,
    ok,
    errors,
    errorKinds,
    latency: summarise(latencies),
    maxDispatchLagMs: Math.round(maxLag * 10) / 10,
  };
}
