import type {
  Channel,
  CoachingSession,
  Member,
  Milestone,
  Platform,
  Programme,
  ReportingCycle,
  Team,
} from "../programme/types.js";

/** Read access to programmes and their structure, plus the few writes platforms need (links, channels). */
export type ProgrammeRepository = {
  listProgrammes(): Promise<Programme[]>;
  getProgramme(id: string): Promise<Programme | null>;
  getProgrammeBySlug(slug: string): Promise<Programme | null>;

  listTeams(programmeId: string): Promise<Team[]>;
  getTeam(id: string): Promise<Team | null>;
  getTeamByCalendarToken(token: string): Promise<Team | null>;

  listMembers(programmeId: string, options?: { teamId?: string }): Promise<Member[]>;
  getMember(id: string): Promise<Member | null>;
  /** Every membership of one platform user (a person can be in several programmes). */
  findMembersByIdentity(platform: Platform, externalId: string): Promise<Member[]>;
  /** The member's user ids on each platform. */
  listIdentities(memberId: string): Promise<{ platform: Platform; externalId: string }[]>;
  linkIdentity(input: { memberId: string; platform: Platform; externalId: string }): Promise<void>;
  /** Creates a member (or returns the one with that key): someone staff added or approved. */
  ensureMember(input: Omit<Member, "id" | "email"> & { email?: string | null }): Promise<Member>;
  /** Moves a member to a team (or out of every team, with null). */
  setMemberTeam(memberId: string, teamId: string | null): Promise<Member>;
  /** Removes one platform user id from a programme, so it no longer resolves to that member. */
  unlinkIdentity(input: { programmeId: string; platform: Platform; externalId: string }): Promise<void>;

  listChannels(
    programmeId: string,
    filter?: { teamId?: string | null; purpose?: Channel["purpose"]; platform?: Platform },
  ): Promise<Channel[]>;
  getChannel(id: string): Promise<Channel | null>;
  findChannels(platform: Platform, externalId: string): Promise<Channel[]>;
  /** Records or refreshes a conversation the bot is in (Teams install, first message). */
  upsertChannel(input: Omit<Channel, "id" | "active" | "inactiveReason"> & { active?: boolean }): Promise<Channel>;
  markChannelInactive(id: string, reason: string): Promise<void>;

  listSessions(programmeId: string, options?: { teamId?: string; from?: Date; to?: Date }): Promise<CoachingSession[]>;
  listMilestones(programmeId: string, options?: { teamId?: string; from?: Date; to?: Date }): Promise<Milestone[]>;
  listCycles(programmeId: string): Promise<ReportingCycle[]>;
  getCycle(programmeId: string, month: string): Promise<ReportingCycle | null>;
  getCycleById(id: string): Promise<ReportingCycle | null>;
};

/** Append-only record of admin and staff actions. */
export type AuditLog = {
  record(entry: {
    programmeId?: string | null;
    actor: string;
    action: string;
    subject?: string;
    details?: Record<string, unknown>;
  }): Promise<void>;
};
