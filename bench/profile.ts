/**
 * `npx tsx bench/profile.ts [--postgres]`: the bench server under load with V8's CPU profiler on, and
 * where its main thread spent the time (self time, by package and by function). The load is the bench's:
 * `/cohort help` at 500 req/s, `/cohort next` and Teams `next` at 100/s. The .cpuprofile files stay in
 * the printed folder (open them in Chrome DevTools → Performance).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { START_ARGS, startBenchServer } from "./bench-server.js";
import { benchDatabases } from "./database-targets.js";
import type { LoadResult } from "./paced-load.js";
import { benchSlack, oursTarget } from "./slack-ack.js";
import { benchTeams } from "./teams-latency.js";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number };

const log = (line: string) => process.stderr.write(`profile: ${line}\n`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-profile-"));
const databases = await benchDatabases(log);
const database = process.argv.includes("--postgres") ? databases.find((d) => d.name === "postgres") : databases[0];
if (!database) throw new Error("no PostgreSQL on 127.0.0.1:5432");
try {
  const bench = await startBenchServer({
    coldRuns: 1,
    databaseUrl: database.url,
    args: ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...START_ARGS],
  });
  try {
    const target = oursTarget(bench, "profile");
    const slack = await benchSlack(target, { rates: [500], durationMs: { 500: 6_000, 100: 5_000 }, next: true });
    const teams = await benchTeams(bench, 100, 5_000);
    const line = (name: string, r: { errors: number; sent: number; latency: { p50: number; p99: number } }) =>
      `${name}: ${r.errors}/${r.sent} errors, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`;
    log(line("help 500/s", slack.byRate[500] as LoadResult));
    if (slack.next) log(line("next 100/s", slack.next));
    log(line("teams 100/s", teams));
    log(`RSS after load ${JSON.stringify(bench.memory())}, args ${START_ARGS.join(" ")}`);
  } finally {
    await bench.close();
  }
} finally {
  for (const d of databases) await d.drop();
}

// Every spawn (the seeding one, the timed one) wrote a profile: the biggest is the one under load.
const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
// Idle samples are the event loop waiting: shares below are of the busy time.
const busy = profile.nodes.filter((n) => n.callFrame.functionName !== "(idle)");
const idle = profile.nodes.reduce((sum, n) => sum + n.hitCount, 0);
const total = busy.reduce((sum, n) => sum + n.hitCount, 0);
const top = (key: (n: Node) => string, count: number) => {
  const sums = new Map<string, number>();
  for (const n of busy) sums.set(key(n), (sums.get(key(n)) ?? 0) + n.hitCount);
  return [...sums.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
};
const where = (url: string) => {
  if (!url) return "(native / V8)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return "node core";
  return url.includes("/dist/") ? `app ${url.slice(url.indexOf("/dist/") + 1)}` : url;
};
process.stdout.write(
  [
    `CPU profile of the server's main thread under load (${file}), ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`,
    "",
    `busy ${((100 * total) / idle).toFixed(0)} % of the samples; shares below are of the busy time`,
    "",
    "Self time by package:",
    ...top((n) => where(n.callFrame.url).replace(/^app .*/, "app (dist/)"), 12),
    "",
    "Self time by function:",
    ...top(
      (n) => `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
      20,
    ),
    "",
  ].join("\n"),
);
