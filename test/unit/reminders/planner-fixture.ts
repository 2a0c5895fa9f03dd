import type { Channel, CoachingSession, Milestone, ReportingCycle, Team } from "../../../src/core/programme/types.js";
import type { PlannerInput } from "../../../src/core/reminders/occasion.js";
import { defaultReminderPolicy, type ReminderPolicy } from "../../../src/core/reminders/reminder-policy.js";

/** A two-team programme in Europe/London with a Slack and a playground channel each, and one staff channel. */
export function plannerInput(
  overrides: Omit<Partial<PlannerInput>, "policy"> & { policy?: Partial<ReminderPolicy> } = {},
): PlannerInput {
  const teams: Team[] = ["alpha", "beta"].map((key) => ({
    id: `team-${key}`,
    programmeId: "p1",
    key,
    name: `Team ${key}`,
    borough: "",
    project: "",
    award: 0,
    calendarToken: `token-${key}`,
    sampleData: true,
    coachId: null,
  }));
  const channel = (id: string, teamId: string | null, purpose: Channel["purpose"]): Channel => ({
    id,
    programmeId: "p1",
    teamId,
    purpose,
    platform: "local",
    externalId: id,
    name: id,
    conversationRef: null,
    active: true,
    inactiveReason: null,
  });
  return {
    programme: {
      id: "p1",
      slug: "p1",
      name: "Programme",
      organisation: "",
      timeZone: "Europe/London",
      grantPerTeam: 0,
      totalFunding: 0,
      startsOn: new Date("2022-10-01"),
      endsOn: new Date("2023-03-31"),
      settings: {},
    },
    teams,
    channels: [
      channel("ch-alpha", "team-alpha", "team"),
      channel("ch-alpha-2", "team-alpha", "team"),
      channel("ch-beta", "team-beta", "team"),
      channel("ch-staff", null, "staff"),
    ],
    sessions: [],
    milestones: [],
    cycles: [],
    submitted: new Set(),
    ...overrides,
    policy: { ...defaultReminderPolicy, ...overrides.policy },
  };
}

export const session = (id: string, startsAt: string, teamId: string | null = "team-alpha"): CoachingSession => ({
  id,
  programmeId: "p1",
  teamId,
  key: id,
  title: `Session ${id}`,
  startsAt: new Date(startsAt),
  durationMinutes: 60,
  coach: "Priya Shah",
  joinUrl: "https://meet.example.org/x",
  location: null,
});

export const milestone = (id: string, dueAt: string, teamId: string | null = "team-alpha"): Milestone => ({
  id,
  programmeId: "p1",
  teamId,
  key: id,
  title: `Milestone ${id}`,
  description: "",
  dueAt: new Date(dueAt),
});

export const cycle = (month: string, opensAt: string, dueAt: string, graceDays = 3): ReportingCycle => ({
  id: `cycle-${month}`,
  programmeId: "p1",
  month,
  opensAt: new Date(opensAt),
  dueAt: new Date(dueAt),
  graceDays,
});
