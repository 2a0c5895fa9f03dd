import type * as D from "../../core/programme/types.js";
import type * as P from "../../generated/prisma/client.js";

/** Prisma rows → plain core types. The core never sees Prisma's types. */
export const toProgramme = (r: P.Programme): D.Programme => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  organisation: r.organisation,
  timeZone: r.timeZone,
  grantPerTeam: r.grantPerTeam,
  totalFunding: r.totalFunding,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  settings: (r.settings ?? {}) as Record<string, unknown>,
});

export const toTeam = (r: P.Team): D.Team => ({
  id: r.id,
  programmeId: r.programmeId,
  key: r.key,
  name: r.name,
  borough: r.borough,
  project: r.project,
  award: r.award,
  calendarToken: r.calendarToken,
  sampleData: r.sampleData,
  coachId: r.coachId,
});

export const toMember = (r: P.Member): D.Member => ({
  id: r.id,
  programmeId: r.programmeId,
  teamId: r.teamId,
  key: r.key,
  name: r.name,
  email: r.email,
  role: r.role,
});

export const toChannel = (r: P.Channel): D.Channel => ({
  id: r.id,
  programmeId: r.programmeId,
  teamId: r.teamId,
  purpose: r.purpose,
  platform: r.platform,
  externalId: r.externalId,
  name: r.name,
  conversationRef: r.conversationRef,
  active: r.active,
  inactiveReason: r.inactiveReason,
});

export const toSession = (r: P.CoachingSession): D.CoachingSession => ({
  id: r.id,
  programmeId: r.programmeId,
  teamId: r.teamId,
  key: r.key,
  title: r.title,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  coach: r.coach,
  joinUrl: r.joinUrl,
  location: r.location,
});

export const toMilestone = (r: P.Milestone): D.Milestone => ({
  id: r.id,
  programmeId: r.programmeId,
  teamId: r.teamId,
  key: r.key,
  title: r.title,
  description: r.description,
  dueAt: r.dueAt,
});

export const toCycle = (r: P.ReportingCycle): D.ReportingCycle => ({
  id: r.id,
  programmeId: r.programmeId,
  month: r.month,
  opensAt: r.opensAt,
  dueAt: r.dueAt,
  graceDays: r.graceDays,
});
