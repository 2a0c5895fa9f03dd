/**
 * `npm run bench`: every benchmark in one run on this machine, one table on stdout and the raw figures
 * in bench/results.json. A report, not a test (not part of `npm test`). Only 127.0.0.1 is contacted; every
 * load is bounded in rate and duration, so the run stops by itself in a few minutes.
 */
import fs from "node:fs";
import os from "node:os";
import { openDatabase } from "../src/db/open-database.js";
import { startBenchServer } from "./bench-server.js";
import { benchCsvExport, benchDigest } from "./digest-and-export.js";
import { benchFaq } from "./faq.js";
import { benchOutbox, benchPlanner } from "./planner.js";
import { benchSlackAck } from "./slack-ack.js";
import { benchStaffLarge, benchStaffSeed, type StaffBench } from "./staff.js";
import { ms, type Row, renderTable } from "./table.js";
import { benchTeams } from "./teams-latency.js";

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const loadBefore = os.loadavg();
const startedAt = new Date();

log("cold start: seeding an embedded database folder, then 3 timed starts on it");
const bench = await startBenchServer({ coldRuns: 3 });
let slack: Awaited<ReturnType<typeof benchSlackAck>>;
let teams: Awaited<ReturnType<typeof benchTeams>>;
let memory: ReturnType<typeof bench.memory>;
try {
  log("Slack ack: ours vs bare Bolt at 100 and 500 requests/s");
  slack = await benchSlackAck(bench, { rates: [100, 500], durationMs: { 100: 10_000, 500: 6_000 } });
  log("Teams: 100 activities/s");
  teams = await benchTeams(bench, 100, 10_000);
  memory = bench.memory();
} finally {
  await bench.close();
}

log("reminder planner and outbox");
const planner = benchPlanner();
const outbox = await benchOutbox();
log("digest (1,000 teams) and CSV export (10,000 updates)");
const db = await openDatabase({ kind: "pglite", dir: null }, { poolSize: 4 });
let digest: Awaited<ReturnType<typeof benchDigest>>;
let csv: Awaited<ReturnType<typeof benchCsvExport>>;
try {
  digest = await benchDigest(db, 1000);
  csv = await benchCsvExport(db, 10_000);
} finally {
  await db.close();
}
log("FAQ retrieval");
const faq = await benchFaq();
log("staff pages and report: seed programme, then 1,000 teams × 6 months");
const staffDb = await openDatabase({ kind: "pglite", dir: null }, { poolSize: 4 });
let staff: { seed: StaffBench; large: StaffBench };
try {
  staff = { seed: await benchStaffSeed(staffDb), large: await benchStaffLarge(staffDb) };
} finally {
  await staffDb.close();
}

const at100 = slack.byRate[100];
const at500 = slack.byRate[500];
if (!at100 || !at500) throw new Error("missing Slack runs");
const lat = (r: { latency: { p50: number; p99: number } }) => `p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}`;
const errs = (r: { errors: number; sent: number }) => `${r.errors}/${r.sent} errors`;
const cold = bench.coldStart.summary;
const rows: Row[] = [
  {
    measure: "1. Slack ack, /cohort help, 100 req/s (10 s)",
    figure: `${lat(at100.ours)}, ${errs(at100.ours)}`,
    target: "p99 < 25 ms",
    met: at100.ours.latency.p99 < 25 && at100.ours.errors === 0,
  },
  {
    measure: "   bare Bolt 5, trivial command, 100 req/s",
    figure: `${lat(at100.bare)}, ${errs(at100.bare)}`,
    target: "baseline",
    met: null,
  },
  {
    measure: "   overhead vs bare Bolt, 100 req/s",
    figure: `p99 ${at100.p99Ratio}×, p50 ${at100.p50Ratio}×`,
    target: "p99 ≤ 1.5×",
    met: at100.p99Ratio <= 1.5,
  },
  {
    measure: "   Slack ack, /cohort help, 500 req/s (6 s)",
    figure: `${lat(at500.ours)}, ${errs(at500.ours)}`,
    target: "0 errors",
    met: at500.ours.errors === 0,
  },
  {
    measure: "   bare Bolt 5, 500 req/s",
    figure: `${lat(at500.bare)}, ${errs(at500.bare)}; ours/bare p99 ${at500.p99Ratio}×`,
    target: "baseline",
    met: null,
  },
  {
    measure: "   Slack ack, /cohort next, 100 req/s",
    figure: `${lat(slack.next)}, ${errs(slack.next)}`,
    target: "—",
    met: null,
  },
  {
    measure: "2. Teams activity (next → reply to connector), 100/s",
    figure: `${lat(teams)}, ${errs(teams)}`,
    target: "—",
    met: null,
  },
  {
    measure: "3. Planner tick, 100 programmes × 12 teams × 6 months",
    figure: `mean ${ms(planner.perTick.meanMs)}, p95 ${ms(planner.perTick.p95Ms)}, max ${ms(planner.perTick.maxMs)}`,
    target: "< 250 ms (max)",
    met: planner.perTick.maxMs < 250,
  },
  {
    measure: "   outbox through the fake gateway",
    figure: `${outbox.dispatch.deliveriesPerSecond} deliveries/s (${outbox.dispatch.deliveries} in ${ms(outbox.dispatch.ms)})`,
    target: "—",
    met: null,
  },
  {
    measure: "   full DB tick, 10 programmes (busy / idle)",
    figure: `${ms(outbox.busyTick.ms)} (${outbox.busyTick.sent} sent) / ${ms(outbox.idleTickMs)}`,
    target: "—",
    met: null,
  },
  {
    measure: `4. Digest build, ${digest.teams} teams (${digest.updates} updates)`,
    figure: `median ${ms(digest.ms.p50)}, max ${ms(digest.ms.max)}`,
    target: "< 200 ms",
    met: digest.ms.p50 < 200,
  },
  {
    measure: `   CSV export, ${csv.updates} updates (${(csv.bytes / 1e6).toFixed(1)} MB)`,
    figure: `median ${ms(csv.ms.p50)}, max ${ms(csv.ms.max)}`,
    target: "—",
    met: null,
  },
  {
    measure: `5. FAQ retrieval answer, in process (${faq.questions} questions × 20)`,
    figure: lat(faq),
    target: "—",
    met: null,
  },
  {
    measure: "6. Cold start to healthy, existing embedded DB",
    figure: `median ${ms(cold.p50)} (runs ${bench.coldStart.runsMs.map((n) => Math.round(n)).join(", ")} ms)`,
    target: "< 3 s",
    met: cold.p50 < 3000,
  },
  {
    measure: "   server RSS after the Slack + Teams load",
    figure: `${memory.rssMb} MB (peak ${memory.peakRssMb} MB)`,
    target: "< 250 MB",
    met: memory.rssMb < 250,
  },
  {
    measure: "7. GET /staff and the report: seed (12 teams) / 1,000 teams × 6 months",
    figure: `/staff p50 ${ms(staff.seed.overview.p50)} / ${ms(staff.large.overview.p50)}; report p50 ${ms(staff.seed.report.p50)} / ${ms(staff.large.report.p50)} (${(staff.seed.reportBytes / 1e3).toFixed(0)} kB / ${(staff.large.reportBytes / 1e6).toFixed(1)} MB)`,
    target: "/staff < 1 s (seed)",
    met: staff.seed.overview.p50 < 1000,
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
  rows,
  slack,
  teams,
  coldStart: bench.coldStart,
  memory,
  planner,
  outbox,
  digest,
  csv,
  faq,
  staff,
};
fs.writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(
  [
    `Cohort Bot benchmarks, ${startedAt.toISOString()} — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`,
    `load average (1/5/15 min) before ${machine.loadAverageBefore.join(" / ")}, after ${machine.loadAverageAfter.join(" / ")}`,
    "",
    renderTable(rows),
    "",
    `Targets met: ${rows.filter((r) => r.met === true).length}/${rows.filter((r) => r.met !== null).length}. Raw figures: bench/results.json`,
    "",
  ].join("\n"),
);
