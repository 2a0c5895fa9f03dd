import { randomBytes } from "node:crypto";
import { parseLocalTime } from "../core/programme/local-time.js";
import { DEFAULT_DUE_TIME, DEFAULT_OPENS_TIME, type ProgrammeFile } from "../core/programme/programme-file.js";
import type { Platform, Prisma, PrismaClient } from "../generated/prisma/client.js";
import { type ImportCounts, upsertByKey } from "./upsert-by-key.js";

export type { ImportCounts };
export type ImportSummary = {
  programmeId: string;
  slug: string;
  changed: boolean;
  counts: Record<string, ImportCounts>;
  notes: string[];
};

type Tx = Prisma.TransactionClient;

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
  const teamIds = new Map<string, string>();
  for (const t of file.teams) {
    const data = {
      name: t.name,
      borough: t.borough,
      project: t.project,
      award: t.award ?? p.grantPerTeam,
      sampleData: p.sampleData,
    };
    const team = await upsertByKey(
      "teams",
      () => tx.team.findUnique({ where: { programmeId_key: { programmeId, key: t.key } } }),
      data,
      () => tx.team.create({ data: { programmeId, key: t.key, calendarToken: newToken(), ...data } }),
      (id) => tx.team.update({ where: { id }, data }),
      count,
    );
    teamIds.set(t.key, team.id);
  }
  const keptTeams = await tx.team.count({ where: { programmeId, key: { notIn: file.teams.map((t) => t.key) } } });
  if (keptTeams > 0) notes.push(`${keptTeams} team(s) not in the file were kept (teams are never deleted by import)`);

  // People: staff, coaches, team members; each also gets a playground identity (its key).
  const people = [
    ...file.staff.map((x) => ({ ...x, role: "staff" as const, teamKey: undefined as string | undefined })),
    ...file.coaches.map((x) => ({ ...x, role: "coach" as const, teamKey: undefined as string | undefined })),
    ...file.teams.flatMap((t) => t.members.map((x) => ({ ...x, role: "member" as const, teamKey: t.key }))),
  ];
  for (const person of people) {
    const data = {
      name: person.name,
      email: person.email ?? null,
      role: person.role,
      teamId: person.teamKey ? (teamIds.get(person.teamKey) ?? null) : null,
    };
    const member = await upsertByKey(
      "members",
      () => tx.member.findUnique({ where: { programmeId_key: { programmeId, key: person.key } } }),
      data,
      () => tx.member.create({ data: { programmeId, key: person.key, ...data } }),
      (id) => tx.member.update({ where: { id }, data }),
      count,
    );
    const ids: [Platform, string | undefined][] = [
      ["slack", person.slack],
      ["teams", person.teams],
      ["local", person.key],
    ];
    for (const [platform, externalId] of ids) {
      if (!externalId) continue;
      await tx.platformIdentity.upsert({
        where: { programmeId_platform_externalId: { programmeId, platform, externalId } },
        create: { programmeId, memberId: member.id, platform, externalId },
        update: { memberId: member.id },
      });
    }
  }

  // Each team's coach, now that the coaches exist (a team without `coach:` has none).
  for (const t of file.teams) {
    const coach = t.coach
      ? await tx.member.findUnique({ where: { programmeId_key: { programmeId, key: t.coach } } })
      : null;
    const id = teamIds.get(t.key);
    const coachId = coach?.id ?? null;
    // Only when it changed: an update bumps updatedAt, and a re-import of the same file changes nothing.
    if ((await tx.team.findUnique({ where: { id }, select: { coachId: true } }))?.coachId !== coachId)
      await tx.team.update({ where: { id }, data: { coachId } });
  }

  // Channels from the file, plus a playground channel per team and one for staff.
  const channels = [
    ...file.staffChannels.map((c) => ({ ...c, purpose: "staff" as const, teamId: null as string | null })),
    { platform: "local" as const, id: "staff", name: "programme-team", purpose: "staff" as const, teamId: null },
    ...file.teams.flatMap((t) => [
      ...t.channels.map((c) => ({ ...c, purpose: "team" as const, teamId: teamIds.get(t.key) ?? null })),
      {
        platform: "local" as const,
        id: t.key,
        name: t.key,
        purpose: "team" as const,
        teamId: teamIds.get(t.key) ?? null,
      },
    ]),
  ];
  for (const c of channels) {
    const data = { purpose: c.purpose, teamId: c.teamId, name: c.name ?? "" };
    await upsertByKey(
      "channels",
      () =>
        tx.channel.findUnique({
          where: { programmeId_platform_externalId: { programmeId, platform: c.platform, externalId: c.id } },
        }),
      data,
      () => tx.channel.create({ data: { programmeId, platform: c.platform, externalId: c.id, ...data } }),
      (id) => tx.channel.update({ where: { id }, data }),
      count,
    );
  }

  for (const s of file.coachingSessions) {
    const data = {
      title: s.title,
      teamId: s.team ? (teamIds.get(s.team) ?? null) : null,
      startsAt: time(s.starts),
      durationMinutes: s.minutes,
      coach: s.coach,
      joinUrl: s.joinUrl ?? null,
      location: s.location ?? null,
    };
    await upsertByKey(
      "coachingSessions",
      () => tx.coachingSession.findUnique({ where: { programmeId_key: { programmeId, key: s.key } } }),
      data,
      () => tx.coachingSession.create({ data: { programmeId, key: s.key, ...data } }),
      (id) => tx.coachingSession.update({ where: { id }, data }),
      count,
    );
  }
  // Sessions imported from an .ics calendar (keys "ics-…") are not in the programme file: keep them.
  const goneSessions = await tx.coachingSession.deleteMany({
    where: { programmeId, key: { notIn: file.coachingSessions.map((s) => s.key), not: { startsWith: "ics-" } } },
  });
  count("coachingSessions", "removed", goneSessions.count);

  for (const m of file.milestones) {
    const data = {
      title: m.title,
      teamId: m.team ? (teamIds.get(m.team) ?? null) : null,
      dueAt: time(m.due, DEFAULT_DUE_TIME),
      description: m.description,
    };
    await upsertByKey(
      "milestones",
      () => tx.milestone.findUnique({ where: { programmeId_key: { programmeId, key: m.key } } }),
      data,
      () => tx.milestone.create({ data: { programmeId, key: m.key, ...data } }),
      (id) => tx.milestone.update({ where: { id }, data }),
      count,
    );
  }
  const goneMilestones = await tx.milestone.deleteMany({
    where: { programmeId, key: { notIn: file.milestones.map((m) => m.key) } },
  });
  count("milestones", "removed", goneMilestones.count);

  for (const c of file.reportingCycles) {
    const data = {
      opensAt: time(c.opens, DEFAULT_OPENS_TIME),
      dueAt: time(c.due, DEFAULT_DUE_TIME),
      graceDays: c.graceDays,
    };
    await upsertByKey(
      "reportingCycles",
      () => tx.reportingCycle.findUnique({ where: { programmeId_month: { programmeId, month: c.month } } }),
      data,
      () => tx.reportingCycle.create({ data: { programmeId, month: c.month, ...data } }),
      (id) => tx.reportingCycle.update({ where: { id }, data }),
      count,
    );
  }
  const months = file.reportingCycles.map((c) => c.month);
  const goneCycles = await tx.reportingCycle.deleteMany({
    where: { programmeId, month: { notIn: months }, updates: { none: {} } },
  });
  count("reportingCycles", "removed", goneCycles.count);
  const keptCycles = await tx.reportingCycle.count({ where: { programmeId, month: { notIn: months } } });
  if (keptCycles > 0) notes.push(`${keptCycles} cycle(s) not in the file were kept because they hold updates`);

  for (const f of file.faq) {
    const data = {
      question: f.question,
      answer: f.answer,
      alternatives: f.alternatives,
      tags: f.tags,
      source: f.source,
      active: true,
    };
    await upsertByKey(
      "faq",
      () => tx.faqEntry.findUnique({ where: { programmeId_key: { programmeId, key: f.key } } }),
      data,
      () => tx.faqEntry.create({ data: { programmeId, key: f.key, origin: "file", ...data } }),
      (id) => tx.faqEntry.update({ where: { id }, data }),
      count,
    );
  }
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
