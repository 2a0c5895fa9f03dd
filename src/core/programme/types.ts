/** Plain domain types the core works with (no Prisma types leak in here). */
export type Platform = "slack" | "teams" | "local";
export type Role = "member" | "staff" | "coach";

export type Programme = {
  id: string;
  slug: string;
  name: string;
  organisation: string;
  timeZone: string;
  grantPerTeam: number;
  totalFunding: number;
  startsOn: Date;
  endsOn: Date;
  settings: Record<string, unknown>;
};

export type Team = {
  id: string;
  programmeId: string;
  key: string;
  name: string;
  borough: string;
  project: string;
  award: number;
  calendarToken: string;
  sampleData: boolean;
  /** The member (role coach) who coaches this team, if the programme file names one. */
  coachId: string | null;
};

export type Member = {
  id: string;
  programmeId: string;
  teamId: string | null;
  key: string;
  name: string;
  email: string | null;
  role: Role;
};

export type Channel = {
  id: string;
  programmeId: string;
  teamId: string | null;
  purpose: "team" | "staff" | "personal";
  platform: Platform;
  externalId: string;
  name: string;
  conversationRef: unknown;
  active: boolean;
  inactiveReason: string | null;
};

export type CoachingSession = {
  id: string;
  programmeId: string;
  teamId: string | null;
  key: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  coach: string;
  joinUrl: string | null;
  location: string | null;
};

export type Milestone = {
  id: string;
  programmeId: string;
  teamId: string | null;
  key: string;
  title: string;
  description: string;
  dueAt: Date;
};

export type ReportingCycle = {
  id: string;
  programmeId: string;
  /** YYYY-MM */
  month: string;
  opensAt: Date;
  dueAt: Date;
  graceDays: number;
};

/** Who is asking: the member behind a platform user, with their programme and team. */
export type Actor = {
  member: Member;
  programme: Programme;
  team: Team | null;
  platform: Platform;
  externalId: string;
};

export function isStaff(actor: Actor): boolean {
  return actor.member.role === "staff";
}

/** When a cycle stops accepting edits (due date plus grace days). */
export function cycleLocksAt(cycle: ReportingCycle): Date {
  return new Date(cycle.dueAt.getTime() + cycle.graceDays * 86_400_000);
}
