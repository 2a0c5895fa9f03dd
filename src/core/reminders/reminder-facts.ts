import type { CoachingSession, Milestone } from "../programme/types.js";

/** What reminders need to know beyond programme structure: who has submitted, and whether an event still stands. */
export type ReminderFacts = {
  /** `${cycleId}:${teamId}` for every submitted update in these cycles. */
  submittedPairs(cycleIds: string[]): Promise<Set<string>>;
  getSession(id: string): Promise<CoachingSession | null>;
  getMilestone(id: string): Promise<Milestone | null>;
};
