import { randomBytes } from "node:crypto";
import { parseLocalTime } from "../core/programme/local-time.js";
import type { ProgrammeFile } from "../core/programme/programme-file.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { importPeople } from "./import-people.js";
import { importSchedule } from "./import-schedule.js";
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

  await importSchedule({ tx, programmeId, file, teamId, time, count, notes });

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
