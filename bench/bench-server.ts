import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type FakeBotConnector, startFakeBotConnector } from "../test/fakes/fake-bot-connector.js";
import { type FakeSlackApi, startFakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { freePort, type SpawnedServer, spawnServer } from "../test/support/spawn-server.js";
import { SIGNING_SECRET } from "./slack-requests.js";
import { type Summary, summarise } from "./stats.js";

/**
 * What `npm start` runs (package.json "prestart" builds dist/, "start" runs it), spawned directly so
 * npm's own start-up is not counted.
 */
export const START_ARGS = startArgs(JSON.parse(fs.readFileSync("package.json", "utf8")).scripts.start);

function startArgs(script: string): string[] {
  const [node, ...args] = script.split(/\s+/);
  if (node !== "node") throw new Error(`package.json "start" should be "node <flags> dist/main.js", is "${script}"`);
  return args;
}
const SEED = "prisma/seed/sp-innovators.yaml";

export type Memory = { rssMb: number; peakRssMb: number };

export type BenchServer = {
  server: SpawnedServer;
  slackApi: FakeSlackApi;
  connector: FakeBotConnector;
  coldStart: { runsMs: number[]; summary: Summary; firstStartMs: number };
  /** RSS of the running server 3 s after it answered /healthz, before any load. */
  idleMemory: Memory;
  /** VmRSS and VmHWM (peak) of the server process from /proc, in MB. */
  memory(): Memory;
  close(): Promise<void>;
};

/**
 * The real server as `npm start` runs it, on an embedded database folder in a temp dir (or on
 * `databaseUrl`, a PostgreSQL database the caller created empty for this run), with Slack
 * (signed HTTP, Web API on a local fake) and Teams (unauthenticated, replies to a local fake
 * connector) both on. A first spawn creates, migrates and seeds the folder; then `coldRuns` timed
 * spawns each go from spawn() to the first 200 on /healthz on that existing data. The last one is
 * left running for the load benchmarks.
 */
export async function startBenchServer(options: {
  coldRuns: number;
  args?: string[];
  databaseUrl?: string;
}): Promise<BenchServer> {
  execFileSync(process.execPath, ["scripts/build-js.mjs"], { stdio: "inherit" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bench-"));
  const seed = path.join(dir, "sp-innovators-current.yaml");
  fs.writeFileSync(seed, shiftToCurrentYear(fs.readFileSync(SEED, "utf8"), new Date()));
  const slackApi = await startFakeSlackApi();
  const connector = await startFakeBotConnector();
  const env = {
    DATABASE_URL: options.databaseUrl ?? `pglite:${path.join(dir, "db")}`,
    PROGRAMME_SEED: seed,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_API_URL: slackApi.url,
    TEAMS_ALLOW_UNAUTHENTICATED: "true",
    PLAYGROUND: "false",
    // Reminder ticks are benchmarked on their own (planner rows); here they would only add noise.
    SCHEDULER: "false",
    NODE_ENV: "development",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
  };
  const spawnOnce = async () => {
    const port = await freePort();
    const started = performance.now();
    const server = await spawnServer(
      { ...env, PORT: String(port) },
      { pollMs: 10, args: options.args ?? START_ARGS, timeoutMs: 120_000 },
    );
    return { server, ms: performance.now() - started };
  };

  const first = await spawnOnce(); // creates, migrates and seeds the folder
  await first.server.stop();
  const runsMs: number[] = [];
  let server: SpawnedServer | undefined;
  for (let i = 0; i < options.coldRuns; i++) {
    if (server) await server.stop();
    const run = await spawnOnce();
    server = run.server;
    runsMs.push(run.ms);
  }
  if (!server) throw new Error("coldRuns must be at least 1");
  const running = server;
  // Idle: what the server holds once started, before the first request (the 200 MB target).
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idleMemory = readMemory(running.process.pid ?? 0);
  return {
    server: running,
    slackApi,
    connector,
    coldStart: { runsMs, summary: summarise(runsMs), firstStartMs: first.ms },
    idleMemory,
    memory: () => readMemory(running.process.pid ?? 0),
    async close() {
      await running.stop();
      await slackApi.close();
      await connector.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
}

/**
 * The seed programme (Oct 2022 – Mar 2023) moved by whole years so that it is running or about to
 * start today: `next`, reminders and cycles then do the work they do in a live programme instead of
 * answering "the programme has ended".
 */
export function shiftToCurrentYear(yaml: string, now: Date): string {
  const end = new Date("2023-03-31T23:59:59Z");
  let years = 0;
  while (new Date(end).setUTCFullYear(end.getUTCFullYear() + years) < now.getTime()) years++;
  return yaml.replace(/\b(2022|2023)(?=-\d\d)/g, (y) => String(Number(y) + years));
}
