import type { Channel, CoachingSession, Milestone, Programme, ReportingCycle, Team } from "../programme/types.js";
import type { ReminderPolicy } from "./reminder-policy.js";

export type OccasionKind =
  | "session-reminder"
  | "milestone-reminder"
  | "cycle-open"
  | "cycle-nudge"
  | "cycle-final-call"
  | "cycle-missing-note"
  | "cycle-digest"
  | "cycle-late-note";

/** What the renderer needs at send time to rebuild (and re-check) the message. Stored as Delivery.payload. */
export type OccasionPayload = {
  kind: OccasionKind;
  /** Session, milestone or cycle id. */
  subjectId: string;
  /** The event the reminder is about (session start, milestone due, cycle due). */
  eventAt: string;
  /** After this instant the reminder is no longer useful (superseded or the event has passed). */
  expiresAt: string;
  /** Offset label, e.g. "-1d", "-1h", "on-the-day", "nudge". */
  offset: string;
  teamId: string | null;
  month?: string;
};

/**
 * One thing to send to one target. `key` is unique per (kind, target, occasion): the outbox inserts it once,
 * so re-planning every minute never sends twice.
 */
export type Occasion = {
  key: string;
  kind: OccasionKind;
  programmeId: string;
  teamId: string | null;
  /** A Channel id. */
  target: string;
  occasion: string;
  idealAt: Date;
  scheduledFor: Date;
  eventAt: Date;
  expiresAt: Date;
  /** Set when the planner already knows it will not be sent (recorded as skipped with this reason). */
  skipReason?: string;
  /**
   * Set when it is due but `now` is quiet time (night, weekend, bank holiday): it waits in the outbox
   * until this instant, the next allowed time, which is still before it stops being useful.
   */
  deferredUntil?: Date;
  payload: OccasionPayload;
};

/** Everything the pure planner reads. `submitted` holds `${cycleId}:${teamId}` pairs. */
export type PlannerInput = {
  programme: Programme;
  policy: ReminderPolicy;
  teams: Team[];
  /** Candidate targets; the loader passes active channels on configured platforms only. */
  channels: Channel[];
  sessions: CoachingSession[];
  milestones: Milestone[];
  cycles: ReportingCycle[];
  submitted: ReadonlySet<string>;
};

export const submittedKey = (cycleId: string, teamId: string) => `${cycleId}:${teamId}`;

export function occasionKey(kind: OccasionKind, occasion: string, target: string): string {
  return `${kind}:${occasion}:${target}`;
}

/** Team channels for one team, or for every team when `teamId` is null (programme-wide events). */
export function teamTargets(channels: Channel[], teamId: string | null): Channel[] {
  return channels.filter((c) => c.purpose === "team" && c.teamId !== null && (teamId === null || c.teamId === teamId));
}

export function staffTargets(channels: Channel[]): Channel[] {
  return channels.filter((c) => c.purpose === "staff");
}
