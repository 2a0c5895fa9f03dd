import { randomBytes } from "node:crypto";
import { parseLocalTime } from "../core/programme/local-time.js";
import { DEFAULT_DUE_TIME, DEFAULT_OPENS_TIME, type ProgrammeFile } from "../core/programme/programme-file.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { importPeople } from "./import-people.js";
import { syncByKey } from "./sync-by-key.js";
import { type ImportCounts, upsertByKey } from "./upsert-by-key.js";

export type { ImportCounts };
export type ImportSummary = {
  programmeId: string;
  slug: string;
  changed: boolean;
  counts: Record<string, ImportCounts>;
  notes: string[];
};

export type Tx = Prisma.TransactionClient;
export type Count = (entity: string, outcome: keyof ImportCounts, n?: number) => void;

/**
 * Imports a validated programme file, matching everything by key, so importing the same file twice
 * changes nothing and an edited file updates in place. It never deletes teams, members or a cycle
 * that has updates (submitted work is never lost); sessions and milestones dropped from the file are
 * removed (so nobody is reminded of a cancelled session) and dropped FAQ entries are retired.
 */
export async function importProgramme(
  prisma: PrismaClient,
  file: ProgrammeFile,
  actor = "cli",
): Promise<ImportSummary> {
  return prisma.$transaction((tx) => importInTransaction(tx, file, actor), { timeout: 120_000, maxWait: 30_000 });
}

async function importInTransaction(tx: Tx, file: ProgrammeFile, actor: string): Promise<ImportSummary> {
  const tz = file.programme.timeZone;
  const time = (value: string, defaultTime = "00:00") => parseLocalTime(value, tz, defaultTime) as Date;
  const counts: Record<string, ImportCounts> = {};
  const notes: string[] = [];
  const count = (entity: string, outcome: keyof ImportCounts, n = 1) => {
    counts[entity] ??= { created: 0, updated: 0, unchanged: 0, removed: 0 };
    counts[entity][outcome] += n;
  };

  const p = file.programme;
  const programmeData = {
    name: p.name,
    organisation: p.organisation,
    timeZone: p.timeZone,
    grantPerTeam: p.grantPerTeam,
    totalFunding: p.totalFunding,
    startsOn: new Date(`${p.starts}T00:00:00Z`),
    endsOn: new Date(`${p.ends}T00:00:00Z`),
    settings: { reminders: p.reminders ?? {}, faqAudience: p.faqAudience } as Prisma.InputJsonValue,
  };
  const programme = await upsertByKey(
    "programme",
    () => tx.programme.findUnique({ where: { slug: p.slug } }),
    programmeData,
    () => tx.programme.create({ data: { slug: p.slug, ...programmeData } }),
    (id) => tx.programme.update({ where: { id }, data: programmeData }),
    count,
  );
  const programmeId = programme.id;

  // Teams: never deleted (they own updates).
  const existingTeams = await tx.team.findMany({ where: { programmeId } });
  const teams = await syncByKey({
    entity: "teams",
    existing: existingTeams,
    rowKey: (row) => row.key,
    items: file.teams,
    itemKey: (t) => t.key,
    data: (t) => ({
      name: t.name,
      borough: t.borough,
      project: t.project,
      award: t.award ?? p.grantPerTeam,
      sampleData: p.sampleData,
    }),
    createMany: (items) =>
      tx.team.createManyAndReturn({
        data: items.map((t) => ({
          programmeId,
          key: t.key,
          calendarToken: newToken(),
          name: t.name,
          borough: t.borough,
          project: t.project,
          award: t.award ?? p.grantPerTeam,
          sampleData: p.sampleData,
        })),
      }),
    update: (id, data) => tx.team.update({ where: { id }, data }),
    count,
  });
  const teamId = (key: string | undefined) => (key ? (teams.get(key)?.id ?? null) : null);
  const inFile = new Set(file.teams.map((t) => t.key));
  const keptTeams = existingTeams.filter((t) => !inFile.has(t.key)).length;
  if (keptTeams > 0) notes.push(`${keptTeams} team(s) not in the file were kept (teams are never deleted by import)`);

  const members = await importPeople(tx, programmeId, file, teamId, count);

  // Each team's coach, now that the coaches exist (a team without `coach:` has none).
  for (const t of file.teams) {
    const team = teams.get(t.key);
    const coachId = t.coach ? (members.get(t.coach)?.id ?? null) : null;
    // Only when it changed: an update bumps updatedAt, and a re-import of the same file changes nothing.
    if (team && team.coachId !== coachId) await tx.team.update({ where: { id: team.id }, data: { coachId } });
  }

  // Channels from the file, plus a playground channel per team and one for staff.
  const channels = [
    ...file.staffChannels.map((c) => ({ ...c, purpose: "staff" as const, teamId: null as string | null })),
    { platform: "local" as const, id: "staff", name: "programme-team", purpose: "staff" as const, teamId: null },
    ...file.teams.flatMap((t) => [
      ...t.channels.map((c) => ({ ...c, purpose: "team" as const, teamId: teamId(t.key) })),
      { platform: "local" as const, id: t.key, name: t.key, purpose: "team" as const, teamId: teamId(t.key) },
    ]),
  ];
  const channelData = (c: (typeof channels)[number]) => ({ purpose: c.purpose, teamId: c.teamId, name: c.name ?? "" });
  await syncByKey({
    entity: "channels",
    existing: await tx.channel.findMany({ where: { programmeId } }),
    rowKey: (row) => `${row.platform}:${row.externalId}`,
    items: channels,
    itemKey: (c) => `${c.platform}:${c.id}`,
    data: channelData,
    createMany: (items) =>
      tx.channel.createManyAndReturn({
        data: items.map((c) => ({ programmeId, platform: c.platform, externalId: c.id, ...channelData(c) })),
      }),
    update: (id, data) => tx.channel.update({ where: { id }, data }),
    count,
  });

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

  const faqData = (f: ProgrammeFile["faq"][number]) => ({
    question: f.question,
    answer: f.answer,
    alternatives: f.alternatives,
    tags: f.tags,
    source: f.source,
    active: true,
  });
  await syncByKey({
    entity: "faq",
    existing: await tx.faqEntry.findMany({ where: { programmeId } }),
    rowKey: (row) => row.key,
    items: file.faq,
    itemKey: (f) => f.key,
    data: faqData,
    createMany: (items) =>
      tx.faqEntry.createManyAndReturn({
        data: items.map((f) => ({ programmeId, key: f.key, origin: "file", ...faqData(f) })),
      }),
    update: (id, data) => tx.faqEntry.update({ where: { id }, data }),
    count,
  });
  const retired = await tx.faqEntry.updateMany({
    where: { programmeId, origin: "file", active: true, key: { notIn: file.faq.map((f) => f.key) } },
    data: { active: false },
  });
  count("faq", "removed", retired.count);

  const changed = Object.values(counts).some((c) => c.created + c.updated + c.removed > 0);
  if (changed) {
    await tx.auditLog.create({
      data: { programmeId, actor, action: "programme.import", subject: p.slug, details: { counts } },
    });
  }
  return { programmeId, slug: p.slug, changed, counts, notes };
}

function newToken(): string {
  return randomBytes(18).toString("base64url");
}
