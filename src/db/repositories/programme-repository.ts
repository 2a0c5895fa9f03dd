import type { AuditLog, ProgrammeRepository } from "../../core/ports/programme-repository.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { toChannel, toCycle, toMember, toMilestone, toProgramme, toSession, toTeam } from "./mappers.js";

/** Programme structure on Prisma. Sessions/milestones "for a team" include programme-wide ones. */
export function createProgrammeRepository(prisma: PrismaClient): ProgrammeRepository {
  const forTeam = (teamId?: string) => (teamId ? { OR: [{ teamId }, { teamId: null }] } : {});
  const between = (field: string, from?: Date, to?: Date) =>
    from || to ? { [field]: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {};

  return {
    listProgrammes: async () => (await prisma.programme.findMany({ orderBy: { startsOn: "asc" } })).map(toProgramme),
    getProgramme: async (id) => nullable(await prisma.programme.findUnique({ where: { id } }), toProgramme),
    getProgrammeBySlug: async (slug) => nullable(await prisma.programme.findUnique({ where: { slug } }), toProgramme),

    listTeams: async (programmeId) =>
      (await prisma.team.findMany({ where: { programmeId }, orderBy: { name: "asc" } })).map(toTeam),
    getTeam: async (id) => nullable(await prisma.team.findUnique({ where: { id } }), toTeam),
    getTeamByCalendarToken: async (token) =>
      nullable(await prisma.team.findUnique({ where: { calendarToken: token } }), toTeam),

    listMembers: async (programmeId, options = {}) =>
      (
        await prisma.member.findMany({
          where: { programmeId, ...(options.teamId ? { teamId: options.teamId } : {}) },
          orderBy: { name: "asc" },
        })
      ).map(toMember),
    getMember: async (id) => nullable(await prisma.member.findUnique({ where: { id } }), toMember),
    findMembersByIdentity: async (platform, externalId) =>
      (
        await prisma.member.findMany({
          where: { identities: { some: { platform, externalId } } },
          orderBy: { createdAt: "asc" },
        })
      ).map(toMember),
    listIdentities: async (memberId) =>
      prisma.platformIdentity.findMany({ where: { memberId }, select: { platform: true, externalId: true } }),
    async linkIdentity({ memberId, platform, externalId }) {
      const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
      await prisma.platformIdentity.upsert({
        where: { programmeId_platform_externalId: { programmeId: member.programmeId, platform, externalId } },
        create: { programmeId: member.programmeId, memberId, platform, externalId },
        update: { memberId },
      });
    },

    async ensureMember({ programmeId, teamId, key, name, role, email }) {
      const row = await prisma.member.upsert({
        where: { programmeId_key: { programmeId, key } },
        create: { programmeId, teamId, key, name, role, email: email ?? null },
        update: {},
      });
      return toMember(row);
    },
    setMemberTeam: async (memberId, teamId) =>
      toMember(await prisma.member.update({ where: { id: memberId }, data: { teamId } })),
    async unlinkIdentity({ programmeId, platform, externalId }) {
      await prisma.platformIdentity.deleteMany({ where: { programmeId, platform, externalId } });
    },

    listChannels: async (programmeId, filter = {}) =>
      (
        await prisma.channel.findMany({
          where: {
            programmeId,
            ...(filter.teamId !== undefined ? { teamId: filter.teamId } : {}),
            ...(filter.purpose ? { purpose: filter.purpose } : {}),
            ...(filter.platform ? { platform: filter.platform } : {}),
          },
          orderBy: { createdAt: "asc" },
        })
      ).map(toChannel),
    getChannel: async (id) => nullable(await prisma.channel.findUnique({ where: { id } }), toChannel),
    findChannels: async (platform, externalId) =>
      (await prisma.channel.findMany({ where: { platform, externalId } })).map(toChannel),
    async upsertChannel(input) {
      const ref = (input.conversationRef ?? undefined) as Prisma.InputJsonValue | undefined;
      const row = await prisma.channel.upsert({
        where: {
          programmeId_platform_externalId: {
            programmeId: input.programmeId,
            platform: input.platform,
            externalId: input.externalId,
          },
        },
        create: {
          programmeId: input.programmeId,
          teamId: input.teamId,
          purpose: input.purpose,
          platform: input.platform,
          externalId: input.externalId,
          name: input.name,
          conversationRef: ref,
          active: input.active ?? true,
        },
        update: {
          ...(ref !== undefined ? { conversationRef: ref } : {}),
          ...(input.name ? { name: input.name } : {}),
          ...(input.active !== undefined
            ? { active: input.active, inactiveReason: input.active ? null : undefined }
            : {}),
        },
      });
      return toChannel(row);
    },
    async markChannelInactive(id, reason) {
      await prisma.channel.update({ where: { id }, data: { active: false, inactiveReason: reason } });
    },

    listSessions: async (programmeId, o = {}) =>
      (
        await prisma.coachingSession.findMany({
          where: { programmeId, ...forTeam(o.teamId), ...between("startsAt", o.from, o.to) },
          orderBy: { startsAt: "asc" },
        })
      ).map(toSession),
    listMilestones: async (programmeId, o = {}) =>
      (
        await prisma.milestone.findMany({
          where: { programmeId, ...forTeam(o.teamId), ...between("dueAt", o.from, o.to) },
          orderBy: { dueAt: "asc" },
        })
      ).map(toMilestone),
    listCycles: async (programmeId) =>
      (await prisma.reportingCycle.findMany({ where: { programmeId }, orderBy: { month: "asc" } })).map(toCycle),
    getCycle: async (programmeId, month) =>
      nullable(
        await prisma.reportingCycle.findUnique({ where: { programmeId_month: { programmeId, month } } }),
        toCycle,
      ),
    getCycleById: async (id) => nullable(await prisma.reportingCycle.findUnique({ where: { id } }), toCycle),
  };
}

export function createAuditLog(prisma: PrismaClient): AuditLog {
  return {
    async record(entry) {
      await prisma.auditLog.create({
        data: {
          programmeId: entry.programmeId ?? null,
          actor: entry.actor,
          action: entry.action,
          subject: entry.subject ?? "",
          details: (entry.details ?? {}) as Prisma.InputJsonValue,
        },
      });
    },
  };
}

function nullable<R, T>(row: R | null, map: (r: R) => T): T | null {
  return row === null ? null : map(row);
}
