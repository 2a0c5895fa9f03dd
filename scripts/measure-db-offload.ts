/**
 * Before/after figure for moving the embedded database off the main thread (issue 15, point 1): the real
 * server as `npm start` runs it (dist/, embedded folder, Slack on a local fake), a paced burst of signed
 * `/cohort next` and `/cohort help` commands, and the main thread's event-loop delay during each burst
 * (scripts/event-loop-probe.mjs). `--root <checkout>` runs another checkout's dist/ (e.g. the code before).
 *
 *   npx tsx scripts/measure-db-offload.ts [--root DIR] [--rate 100] [--seconds 8] [--help-rate 300]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { START_ARGS, shiftToCurrentYear } from "../bench/bench-server.js";
import { pacedLoad } from "../bench/paced-load.js";
import { SIGNING_SECRET, slashCommand } from "../bench/slack-requests.js";
import { startFakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { spawnServer } from "../test/support/spawn-server.js";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: process.cwd() },
    rate: { type: "string", default: "100" },
    "help-rate": { type: "string", default: "300" },
    seconds: { type: "string", default: "8" },
    /** Extra node flags for the server, e.g. --node-arg=--cpu-prof --node-arg=--cpu-prof-dir=/tmp/prof */
    "node-arg": { type: "string", multiple: true, default: [] },
  },
});
const root = path.resolve(values.root);
const probe = path.resolve("scripts/event-loop-probe.mjs");
const seconds = Number(values.seconds);
execFileSync(process.execPath, ["scripts/build-js.mjs"], { cwd: root, stdio: "inherit" });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-offload-"));
const seed = path.join(dir, "seed.yaml");
fs.writeFileSync(seed, shiftToCurrentYear(fs.readFileSync("prisma/seed/sp-innovators.yaml", "utf8"), new Date()));
const slackApi = await startFakeSlackApi();
const probeOut = path.join(dir, "loop.json");
const server = await spawnServer(
  {
    DATABASE_URL: `pglite:${path.join(dir, "db")}`,
    PROGRAMME_SEED: seed,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_API_URL: slackApi.url,
    PLAYGROUND: "false",
    SCHEDULER: "false",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    EVENT_LOOP_PROBE_OUT: probeOut,
  },
  {
    timeoutMs: 120_000,
    args: [
      ...(values["node-arg"] ?? []),
      "--import",
      probe,
      ...START_ARGS.map((a) => (a.startsWith("dist/") ? path.join(root, a) : a)),
    ],
  },
);

async function burst(text: string, rate: number) {
  const pid = server.process.pid ?? 0;
  process.kill(pid, "SIGUSR2");
  const result = await pacedLoad({
    baseUrl: server.url,
    rate,
    durationMs: seconds * 1000,
    request: slashCommand(text, `${text}-${rate}`, slackApi.responseUrl),
    check: (_s, body) => body.includes("response_type"),
    deadlineMs: 3_000,
  });
  process.kill(pid, "SIGUSR2");
  while (!fs.existsSync(probeOut)) await new Promise((r) => setTimeout(r, 20));
  const loop = JSON.parse(fs.readFileSync(probeOut, "utf8"));
  fs.rmSync(probeOut);
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, result.ok)) * 100) / 100;
  return {
    text,
    rate,
    sent: result.sent,
    ok: result.ok,
    errors: result.errors,
    latency: result.latency,
    eventLoop: loop,
    mainThreadCpuMsPerOk: perRequest(loop.mainThreadCpuMs),
    processCpuMsPerOk: perRequest(loop.processCpuMs),
  };
}

try {
  await burst("help", 50); // warm-up
  const rows = [await burst("next", Number(values.rate)), await burst("help", Number(values["help-rate"]))];
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  process.stdout.write(`${JSON.stringify({ root, load, rows }, null, 1)}\n`);
} finally {
  await server.stop();
  await slackApi.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
