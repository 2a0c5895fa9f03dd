/**
 * Benchmark (not a test): `npm run bench:planner`. The code lives in bench/planner.ts (also used by
 * `npm run bench`); this prints its figures on their own.
 */
import { benchOutbox, benchPlanner } from "../bench/planner.js";

const planner = benchPlanner();
process.stdout.write(
  `Planner (pure, ${planner.programmes} programmes, ${planner.teams} teams): ${planner.perTick.meanMs} ms per tick on average (p95 ${planner.perTick.p95Ms} ms, max ${planner.perTick.maxMs} ms) over ${planner.ticks} ticks; full plan ${planner.occasionsInFullPlan} occasions\n`,
);
const outbox = await benchOutbox();
process.stdout.write(
  `Outbox (${outbox.database}): ${outbox.dispatch.deliveriesPerSecond} deliveries/s (${outbox.dispatch.deliveries} in ${outbox.dispatch.ms} ms) through a fake gateway\n`,
);
process.stdout.write(
  `Full tick, 10 programmes from the database: busy ${outbox.busyTick.ms} ms (planned ${outbox.busyTick.planned}, sent ${outbox.busyTick.sent}), idle ${outbox.idleTickMs} ms\n`,
);
process.stdout.write(`${JSON.stringify({ planner, outbox })}\n`);
