/**
 * Reminder planner and outbox benchmarks, shared by `npm run bench` (bench/run.ts) and
 * `npm run bench:planner` (scripts/bench-planner.ts).
 * 1. The pure planner on 100 programmes × 12 teams × 6 months (monthly coaching per team, 4 programme-wide
 *    workshops, 7 milestones, 6 cycles; 2 channels per team + 1 staff channel): time per scheduler tick,
 *    over 500 instants spread across the programme, with the same windowing the server's loader uses.
 * 2. The outbox on an embedded PGlite database: deliveries per second claimed, sent through a fake
 *    gateway and marked sent, and one full runSchedulerTick on 10 imported programmes.
 */
import { performance } from "node:perf_hooks";
import { DateTime } from "luxon";
import { buildCoreDeps } from "../src/app/build-deps.js";
import { dispatchDeliveries } from "../src/core/outbox/dispatch-deliveries.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import { type ProgrammeFile, programmeFileSchema } from "../src/core/programme/programme-file.js";
import type { Channel, CoachingSession, Milestone, ReportingCycle, Team } from "../src/core/programme/types.js";
import type { PlannerInput } from "../src/core/reminders/occasion.js";
import { dueOccasions, planOccasions } from "../src/core/reminders/plan-occasions.js";
import { defaultReminderPolicy } from "../src/core/reminders/reminder-policy.js";
import { runSchedulerTick } from "../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../src/db/import-programme.js";
import { openDatabase } from "../src/db/open-database.js";
import { createFakeGateway } from "../test/fakes/fake-gateway.js";

const PROGRAMMES = 100;
const TEAMS = 12;
const MONTHS = ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03"];
const tz = "Europe/London";
const local = (s: string) => DateTime.fromISO(s, { zone: tz }).toJSDate();

function syntheticInput(p: number): PlannerInput {
  const pid = `p${p}`;
  const teams: Team[] = Array.from({ length: TEAMS }, (_, t) => ({
    id: `${pid}-t${t}`,
    programmeId: pid,
    key: `team-${t}`,
    name: `Team ${t}`,
    borough: "",
    project: "",
    award: 0,
    calendarToken: `${pid}-tok-${t}`,
    sampleData: true,
    coachId: null,
  }));
  const channel = (id: string, teamId: string | null, purpose: Channel["purpose"]): Channel => ({
    id,
    programmeId: pid,
    teamId,
    purpose,
    platform: "slack",
    externalId: id,
    name: id,
    conversationRef: null,
    active: true,
    inactiveReason: null,
  });
  const channels = [
    channel(`${pid}-staff`, null, "staff"),
    ...teams.flatMap((t) => [channel(`${t.id}-a`, t.id, "team"), channel(`${t.id}-b`, t.id, "team")]),
  ];
  const sessions: CoachingSession[] = [];
  MONTHS.forEach((m, i) => {
    teams.forEach((t, k) => {
      sessions.push({
        id: `${t.id}-s${i}`,
        programmeId: pid,
        teamId: t.id,
        key: `${t.key}-${m}`,
        title: `Coaching ${m}`,
        startsAt: local(`${m}-${String(10 + (k % 10)).padStart(2, "0")}T${String(9 + (k % 8)).padStart(2, "0")}:30`),
        durationMinutes: 60,
        coach: "Coach",
        joinUrl: "https://meet.example.org/x",
        location: null,
      });
    });
  });
  ["2022-10-06T09:30", "2022-11-03T14:00", "2023-01-05T10:00", "2023-03-02T10:00"].forEach((s, i) => {
    sessions.push({
      id: `${pid}-w${i}`,
      programmeId: pid,
      teamId: null,
      key: `w${i}`,
      title: "Workshop",
      startsAt: local(s),
      durationMinutes: 120,
      coach: "",
      joinUrl: null,
      location: null,
    });
  });
  const milestones: Milestone[] = [
    "2022-10-21",
    "2022-11-25",
    "2022-12-16",
    "2023-01-27",
    "2023-02-10",
    "2023-03-17",
    "2023-03-30",
  ].map((d, i) => ({
    id: `${pid}-m${i}`,
    programmeId: pid,
    teamId: null,
    key: `m${i}`,
    title: `Milestone ${i}`,
    description: "",
    dueAt: local(`${d}T17:00`),
  }));
  const cycles: ReportingCycle[] = MONTHS.map((m) => {
    const end = DateTime.fromISO(`${m}-01`, { zone: tz })
      .endOf("month")
      .set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
    return {
      id: `${pid}-c${m}`,
      programmeId: pid,
      month: m,
      opensAt: end.minus({ days: 7 }).set({ hour: 9 }).toJSDate(),
      dueAt: end.toJSDate(),
      graceDays: 3,
    };
  });
  return {
    programme: {
      id: pid,
      slug: pid,
      name: pid,
      organisation: "",
      timeZone: tz,
      grantPerTeam: 0,
      totalFunding: 0,
      startsOn: local("2022-10-01"),
      endsOn: local("2023-03-31"),
      settings: {},
    },
    policy: defaultReminderPolicy,
    teams,
    channels,
    sessions,
    milestones,
    cycles,
    submitted: new Set(),
  };
}

/** The loader's window (src/core/reminders/load-planner-input.ts), applied in memory. */
function windowed(input: PlannerInput, now: Date): PlannerInput {
  const from = now.getTime() - (input.policy.catchUpHours + 24) * 3_600_000;
  const to = now.getTime() + 17 * 86_400_000;
  const inWindow = (d: Date) => d.getTime() >= from && d.getTime() <= to;
  const cycles = input.cycles.filter(
    (c) => c.opensAt.getTime() <= to && c.dueAt.getTime() + (c.graceDays + 9) * 86_400_000 >= from,
  );
  return {
    ...input,
    cycles,
    sessions: input.sessions.filter((s) => inWindow(s.startsAt)),
    milestones: input.milestones.filter((m) => inWindow(m.dueAt)),
  };
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    meanMs: +(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2),
    p50Ms: +pct(0.5).toFixed(2),
    p95Ms: +pct(0.95).toFixed(2),
    maxMs: +pct(1).toFixed(2),
  };
};

export function benchPlanner(ticks = 500) {
  const inputs = Array.from({ length: PROGRAMMES }, (_, p) => syntheticInput(p));
  const fullPlan = inputs.reduce((n, i) => n + planOccasions(i).length, 0);
  const start = local("2022-10-01T00:00").getTime();
  const end = local("2023-04-10T00:00").getTime();
  const times: number[] = [];
  let due = 0;
  for (let k = 0; k < ticks; k++) {
    const now = new Date(start + ((end - start) * k) / ticks);
    const t0 = performance.now();
    for (const input of inputs) due += dueOccasions(windowed(input, now), now).length;
    times.push(performance.now() - t0);
  }
  return {
    programmes: PROGRAMMES,
    teams: PROGRAMMES * TEAMS,
    occasionsInFullPlan: fullPlan,
    ticks,
    perTick: stats(times),
    dueOccasionsSeen: due,
  };
}

function syntheticFile(p: number): ProgrammeFile {
  return programmeFileSchema.parse({
    programme: { slug: `bench-${p}`, name: `Bench ${p}`, starts: "2022-10-01", ends: "2023-03-31" },
    staffChannels: [{ platform: "slack", id: `CSTAFF${p}` }],
    teams: Array.from({ length: TEAMS }, (_, t) => ({
      key: `team-${t}`,
      name: `Team ${t}`,
      channels: [{ platform: "slack", id: `C${p}T${t}` }],
    })),
    coachingSessions: MONTHS.flatMap((m) =>
      Array.from({ length: TEAMS }, (_, t) => ({
        key: `s-${t}-${m}`,
        title: "Coaching",
        team: `team-${t}`,
        starts: `${m}-15 10:00`,
      })),
    ),
    milestones: [{ key: "m1", title: "Milestone", due: "2022-11-25 17:00" }],
    reportingCycles: MONTHS.map((m) => ({ month: m, opens: `${m}-20 09:00`, due: `${m}-27 17:00` })),
  });
}

export async function benchOutbox() {
  const db = await openDatabase({ kind: "pglite", dir: null }, { poolSize: 1 });
  try {
    for (let p = 0; p < 10; p++) await importProgramme(db.prisma, syntheticFile(p));
    const clock = fixedClock("2022-11-14T10:00:00Z");
    const deps = buildCoreDeps({ db, clock, logger: silentLogger });
    const gateway = createFakeGateway("slack");
    deps.gateways.slack = gateway;
    const channels = await db.prisma.channel.findMany({ where: { platform: "slack", purpose: "team" } });
    const programme = channels[0]!.programmeId;
    const n = 3000;
    const now = clock.now();
    await deps.deliveries!.enqueue(
      Array.from({ length: n }, (_, i) => ({
        key: `bench:${i}`,
        programmeId: programme,
        kind: "bench",
        teamId: null,
        target: channels[i % channels.length]!.id,
        occasion: `bench-${i}`,
        scheduledFor: now,
        payload: { message: { summary: `bench ${i}`, blocks: [] } },
      })),
      now,
    );
    const t0 = performance.now();
    const r = await dispatchDeliveries({
      deps,
      deliveries: deps.deliveries!,
      render: async () => ({ skip: "unused" }),
      now,
      workerId: "bench",
      batchSize: 100,
      maxBatches: 1000,
    });
    const dispatchMs = performance.now() - t0;
    // A busy real tick: 10 programmes, the morning of the 15th (every team's day-before reminders pending).
    const t1 = performance.now();
    const tick = await runSchedulerTick({ deps, now: new Date("2022-11-14T10:00:30Z") });
    const tickMs = performance.now() - t1;
    const t2 = performance.now();
    await runSchedulerTick({ deps, now: new Date("2022-11-14T10:01:30Z") });
    const idleTickMs = performance.now() - t2;
    return {
      database: "embedded PGlite (in memory)",
      dispatch: {
        deliveries: r.sent,
        ms: Math.round(dispatchMs),
        deliveriesPerSecond: Math.round((r.sent / dispatchMs) * 1000),
      },
      busyTick: { programmes: 10, ...tick, ms: Math.round(tickMs) },
      idleTickMs: Math.round(idleTickMs),
    };
  } finally {
    await db.close();
  }
}
