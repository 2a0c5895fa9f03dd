import { DEFAULT_DUE_TIME, DEFAULT_OPENS_TIME, type ProgrammeFile } from "../core/programme/programme-file.js";
import type { Count, Tx } from "./import-programme.js";
import { syncByKey } from "./sync-by-key.js";

/**
 * The programme file's calendar: coaching sessions and milestones (dropped ones are removed, so nobody is
 * reminded of a cancelled session; sessions imported from an .ics file are kept) and reporting cycles (a
 * dropped cycle is removed only if it holds no updates: submitted work is never lost).
 */
export async function importSchedule(input: {
  tx: Tx;
  programmeId: string;
  file: ProgrammeFile;
  teamId: (key: string | undefined) => string | null;
  time: (value: string, defaultTime?: string) => Date;
  count: Count;
  notes: string[];
}): Promise<void> {
  const { tx, programmeId, file, teamId, time, count, notes } = input;
  const sessionData = (s: ProgrammeFile["coachingSessions"][number]) => ({
    title: s.title,
    teamId: teamId(s.team),
    startsAt: time(s.starts),
    durationMinutes: s.minutes,
    coach: s.coach,
    joinUrl: s.joinUrl ?? null,
    location: s.location ?? null,
  });
  await syncByKey({
    entity: "coachingSessions",
    existing: await tx.coachingSession.findMany({ where: { programmeId } }),
    rowKey: (row) => row.key,
    items: file.coachingSessions,
    itemKey: (s) => s.key,
    data: sessionData,
    createMany: (items) =>
      tx.coachingSession.createManyAndReturn({
        data: items.map((s) => ({ programmeId, key: s.key, ...sessionData(s) })),
      }),
    update: (id, data) => tx.coachingSession.update({ where: { id }, data }),
    count,
  });
  // Sessions imported from an .ics calendar (keys "ics-…") are not in the programme file: keep them.
  const goneSessions = await tx.coachingSession.deleteMany({
    where: { programmeId, key: { notIn: file.coachingSessions.map((s) => s.key), not: { startsWith: "ics-" } } },
  });
  count("coachingSessions", "removed", goneSessions.count);

  const milestoneData = (m: ProgrammeFile["milestones"][number]) => ({
    title: m.title,
    teamId: teamId(m.team),
    dueAt: time(m.due, DEFAULT_DUE_TIME),
    description: m.description,
  });
  await syncByKey({
    entity: "milestones",
    existing: await tx.milestone.findMany({ where: { programmeId } }),
    rowKey: (row) => row.key,
    items: file.milestones,
    itemKey: (m) => m.key,
    data: milestoneData,
    createMany: (items) =>
      tx.milestone.createManyAndReturn({ data: items.map((m) => ({ programmeId, key: m.key, ...milestoneData(m) })) }),
    update: (id, data) => tx.milestone.update({ where: { id }, data }),
    count,
  });
  const goneMilestones = await tx.milestone.deleteMany({
    where: { programmeId, key: { notIn: file.milestones.map((m) => m.key) } },
  });
  count("milestones", "removed", goneMilestones.count);

  const cycleData = (c: ProgrammeFile["reportingCycles"][number]) => ({
    opensAt: time(c.opens, DEFAULT_OPENS_TIME),
    dueAt: time(c.due, DEFAULT_DUE_TIME),
    graceDays: c.graceDays,
  });
  await syncByKey({
    entity: "reportingCycles",
    existing: await tx.reportingCycle.findMany({ where: { programmeId } }),
    rowKey: (row) => row.month,
    items: file.reportingCycles,
    itemKey: (c) => c.month,
    data: cycleData,
    createMany: (items) =>
      tx.reportingCycle.createManyAndReturn({
        data: items.map((c) => ({ programmeId, month: c.month, ...cycleData(c) })),
      }),
    update: (id, data) => tx.reportingCycle.update({ where: { id }, data }),
    count,
  });
  const months = file.reportingCycles.map((c) => c.month);
  const goneCycles = await tx.reportingCycle.deleteMany({
    where: { programmeId, month: { notIn: months }, updates: { none: {} } },
  });
  count("reportingCycles", "removed", goneCycles.count);
  const keptCycles = await tx.reportingCycle.count({ where: { programmeId, month: { notIn: months } } });
  if (keptCycles > 0) notes.push(`${keptCycles} cycle(s) not in the file were kept because they hold updates`);
}
