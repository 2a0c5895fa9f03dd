/**
 * `npm run bench`: every benchmark in one run on this machine, two tables on stdout and the raw figures
 * in bench/results.json. A report, not a test (not part of `npm test`). Only 127.0.0.1 is contacted; every
 * load is bounded in rate and duration, so the run stops by itself in a few minutes. The server is run
 * on the embedded database and, when one answers on 127.0.0.1:5432, on a fresh PostgreSQL database
 * (created for the run, dropped after); every latency figure sits next to a bare Bolt app's, measured in
 * the same run.
 */
import fs from "node:fs";
import os from "node:os";
import { startBareBolt } from "./bare-bolt.js";
import { type BenchServer, type Memory, startBenchServer } from "./bench-server.js";
import type { Capacity } from "./capacity.js";
import { benchDatabases } from "./database-targets.js";
import type { LoadResult } from "./paced-load.js";
import { benchSlack, oursTarget, pair, ratio, slackCapacity } from "./slack-ack.js";
import { type ColumnRow, ms, type Row, renderColumns, renderTable } from "./table.js";
import { benchTeams } from "./teams-latency.js";

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const loadBefore = os.loadavg();
const startedAt = new Date();
const SLACK_PLAN = { rates: [100, 500], durationMs: { 100: 10_000, 500: 6_000 } };
/** Each capacity step: short, so the whole run stays within a few minutes. */
const CAPACITY_STEP_MS = 2_000;

type ServerFigures = {
  name: string;
  slack: { byRate: Record<string, LoadResult>; next?: LoadResult };
  teams: LoadResult;
  idle: Memory;
  afterLoad: Memory;
  coldStart: BenchServer["coldStart"];
  capacity: { help: Capacity; next: Capacity };
};

const databases = await benchDatabases(log);
const servers: ServerFigures[] = [];
const bare = await startBareBolt();
let bareRuns: Awaited<ReturnType<typeof benchSlack>>;
let bareCapacity: Capacity;
try {
  const bareTarget = { url: bare.url, responseUrl: "http://127.0.0.1:9/unused", name: "bare" };
  log("bare Bolt baseline: /cohort help at 100 and 500 requests/s");
  bareRuns = await benchSlack(bareTarget, { ...SLACK_PLAN, next: false });
  for (const database of databases) {
    try {
      log(`${database.name}: cold start (a first start seeds the database), then 3 timed starts`);
      const bench = await startBenchServer({ coldRuns: 3, databaseUrl: database.url });
      try {
        const target = oursTarget(bench, database.name);
        log(`${database.name}: Slack /cohort help at 100 and 500 requests/s, /cohort next at 100`);
        const slack = await benchSlack(target, { ...SLACK_PLAN, next: true });
        log(`${database.name}: Teams next, 100 activities/s`);
        const teams = await benchTeams(bench, 100, 10_000);
        const afterLoad = bench.memory();
        log(`${database.name}: capacity of /cohort help and /cohort next (steps of ${CAPACITY_STEP_MS / 1000} s)`);
        const help = await slackCapacity(target, "help", CAPACITY_STEP_MS);
        const next = await slackCapacity(target, "next", CAPACITY_STEP_MS);
        servers.push({
          name: database.name,
          slack,
          teams,
          idle: bench.idleMemory,
          afterLoad,
          coldStart: bench.coldStart,
          capacity: { help, next },
        });
      } finally {
        await bench.close();
      }
    } finally {
      await database.drop();
    }
  }
  log("bare Bolt capacity");
  bareCapacity = await slackCapacity(bareTarget, "help", CAPACITY_STEP_MS);
} finally {
  await bare.stop();
  for (const database of databases) await database.drop();
}

// `npm run bench -- --servers`: the servers and the baseline only (the part a loaded machine skews least
// in time: the in-process rows are CPU-bound and take minutes on a busy machine).
const inProcess = process.argv.includes("--servers")
  ? null
  : await (await import("./in-process.js")).benchInProcess(log);
const rows: Row[] = inProcess?.rows ?? [];

const lat = (r: { latency: { p50: number; p99: number } }) => `p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}`;
const errs = (r: { errors: number; sent: number }) => `${r.errors}/${r.sent} errors`;
const run = (r: LoadResult | undefined) => (r ? `${lat(r)}, ${errs(r)}` : "—");
const bareAt = (rate: number) => bareRuns.byRate[rate] as LoadResult;
const oursAt = (f: ServerFigures, rate: number) => f.slack.byRate[rate] as LoadResult;
const cap = (c: Capacity) => `${c.rate}${c.capped ? "+" : ""} req/s`;
const capRatio = (c: Capacity) => `${cap(c)} (${ratio(c.rate, bareCapacity.rate)}× bare)`;
const all = (test: (f: ServerFigures) => boolean) => servers.length > 0 && servers.every(test);
/** One cell per database, then the bare Bolt cell. */
const cells = (each: (f: ServerFigures) => string, bareText = "") => [...servers.map(each), bareText];

const serverRows: ColumnRow[] = [
  {
    measure: "1. Slack ack, /cohort help, 100 req/s (10 s)",
    cells: cells((f) => run(oursAt(f, 100)), run(bareAt(100))),
    target: "0 errors",
    met: all((f) => oursAt(f, 100).errors === 0),
  },
  {
    measure: "   overhead vs bare Bolt, 100 req/s",
    cells: cells((f) => {
      const p = pair(oursAt(f, 100), bareAt(100));
      return `p99 ${p.p99Ratio}×, p50 ${p.p50Ratio}×`;
    }, "1×"),
    target: "—",
    met: null,
  },
  {
    measure: "   Slack ack, /cohort help, 500 req/s (6 s)",
    cells: cells((f) => run(oursAt(f, 500)), run(bareAt(500))),
    target: "0 errors",
    met: all((f) => oursAt(f, 500).errors === 0),
  },
  {
    measure: "   Slack ack, /cohort next, 100 req/s (10 s)",
    cells: cells((f) => run(f.slack.next), "(same as help)"),
    target: "0 errors",
    met: all((f) => f.slack.next?.errors === 0),
  },
  {
    measure: "2. Teams activity (next → reply to connector), 100/s",
    cells: cells((f) => run(f.teams), "—"),
    target: "p99 < 1 s, 0 errors",
    met: all((f) => f.teams.latency.p99 < 1000 && f.teams.errors === 0),
  },
  {
    measure: "   capacity: /cohort help (0 errors, p99 < 1 s)",
    cells: cells((f) => capRatio(f.capacity.help), cap(bareCapacity)),
    target: "≥ 500 req/s",
    met: all((f) => f.capacity.help.rate >= 500 || f.capacity.help.capped),
  },
  {
    measure: "   capacity: /cohort next (0 errors, p99 < 1 s)",
    cells: cells((f) => capRatio(f.capacity.next), cap(bareCapacity)),
    target: "≥ 100 req/s",
    met: all((f) => f.capacity.next.rate >= 100),
  },
  {
    measure: "6. Cold start to healthy (existing database)",
    cells: cells(
      (f) => `median ${ms(f.coldStart.summary.p50)} (${f.coldStart.runsMs.map((n) => Math.round(n)).join(", ")})`,
      "—",
    ),
    target: "< 3 s",
    met: all((f) => f.coldStart.summary.p50 < 3000),
  },
  {
    measure: "   server RSS idle (3 s after start)",
    cells: cells((f) => `${f.idle.rssMb} MB`, "—"),
    target: "< 200 MB (PostgreSQL)",
    met: servers.some((f) => f.name === "postgres") ? all((f) => f.name !== "postgres" || f.idle.rssMb < 200) : null,
  },
  {
    measure: "   server RSS after the Slack + Teams load",
    cells: cells((f) => `${f.afterLoad.rssMb} MB (peak ${f.afterLoad.peakRssMb} MB)`, "—"),
    target: "< 250 MB",
    met: all((f) => f.afterLoad.rssMb < 250),
  },
];

const loadAfter = os.loadavg();
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(os.totalmem() / 1e9),
  node: process.version,
  loadAverageBefore: loadBefore.map((n) => +n.toFixed(2)),
  loadAverageAfter: loadAfter.map((n) => +n.toFixed(2)),
};
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine,
  serverRows,
  rows,
  bare: { slack: bareRuns, capacity: bareCapacity },
  servers,
  ...inProcess?.figures,
};
const met = [...serverRows, ...rows];
fs.writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(
  [
    `Cohort Bot benchmarks, ${startedAt.toISOString()} — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`,
    `load average (1/5/15 min) before ${machine.loadAverageBefore.join(" / ")}, after ${machine.loadAverageAfter.join(" / ")}`,
    "",
    "The server as `npm start` runs it, on each database, next to a bare Bolt app (same requests, same run):",
    "",
    renderColumns(
      [...servers.map((f) => (f.name === "postgres" ? "PostgreSQL" : "Embedded")), "bare Bolt 5"],
      serverRows,
    ),
    "",
    ...(inProcess ? ["In process (in-memory embedded database):", "", renderTable(rows), ""] : []),
    `Targets met: ${met.filter((r) => r.met === true).length}/${met.filter((r) => r.met !== null).length}. Raw figures: bench/results.json`,
    "",
  ].join("\n"),
);
