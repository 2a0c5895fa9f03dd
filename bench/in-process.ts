import { openDatabase } from "../src/db/open-database.js";
import { benchCsvExport, benchDigest } from "./digest-and-export.js";
import { benchFaq } from "./faq.js";
import { benchOutbox, benchPlanner } from "./planner.js";
import { benchStaffLarge, benchStaffSeed, type StaffBench } from "./staff.js";
import { ms, type Row } from "./table.js";

/**
 * The in-process benchmarks (planner, outbox, digest, CSV export, FAQ, staff pages) on in-memory
 * embedded databases: no server, no HTTP. Their rows and raw figures.
 */
export async function benchInProcess(log: (line: string) => void) {
  const lat = (r: { latency: { p50: number; p99: number } }) => `p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}`;
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

  const rows: Row[] = [
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
      measure: "7. GET /staff and the report: seed (12 teams) / 1,000 teams × 6 months",
      figure: `/staff p50 ${ms(staff.seed.overview.p50)} / ${ms(staff.large.overview.p50)}; report p50 ${ms(staff.seed.report.p50)} / ${ms(staff.large.report.p50)} (${(staff.seed.reportBytes / 1e3).toFixed(0)} kB / ${(staff.large.reportBytes / 1e6).toFixed(1)} MB)`,
      target: "/staff < 1 s (seed)",
      met: staff.seed.overview.p50 < 1000,
    },
  ];
  return { rows, figures: { planner, outbox, digest, csv, faq, staff } };
}
