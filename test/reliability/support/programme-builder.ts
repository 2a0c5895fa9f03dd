import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";

/**
 * Programme files made for the reliability suite: N teams with one Slack channel each and one
 * programme-wide coaching session, under a policy that allows reminders at any hour on any day, so a
 * session starting just under an hour from *real* now makes exactly one reminder per team due at once
 * (the "1 hour before"), whatever the time of day the suite runs. Invented data.
 */
export type ProgrammeOptions = {
  teams: number;
  /** Session start times (ISO, UTC); each makes one "1 hour before" reminder per team channel. */
  sessions?: string[];
  /** Members per team (Slack ids U0R<team><n>); the first team's members are used by the update tests. */
  membersPerTeam?: number;
  slug?: string;
};

export const STAFF_SLACK_ID = "U0RSTAFF1";
export const STAFF_CHANNEL = "C0RSTAFF";
export const channelId = (team: number) => `C0REL${String(team).padStart(4, "0")}`;
export const memberId = (team: number, n: number) =>
  `U0R${String(team).padStart(3, "0")}M${String(n).padStart(3, "0")}`;

/** The member's Microsoft Entra object id (what Teams sends as from.aadObjectId). */
export const teamsMemberId = (team: number, n: number) =>
  `00000000-0000-0000-${String(team).padStart(4, "0")}-${String(n).padStart(12, "0")}`;

export function buildProgramme(options: ProgrammeOptions): Record<string, unknown> {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    version: 1,
    programme: {
      slug: options.slug ?? "reliability",
      name: "Reliability Programme",
      timeZone: "Europe/London",
      starts: day(-60),
      ends: day(120),
      grantPerTeam: 10000,
      reminders: {
        sessions: { daysBefore: [], hoursBefore: [1] },
        milestones: { daysBefore: [], onTheDay: false },
        updates: {
          announceOpen: false,
          nudgeWorkingDaysBefore: 0,
          finalCall: false,
          digest: false,
          lateNoteToStaff: false,
        },
        quietHours: { start: "00:00", end: "00:00" },
        skipWeekends: false,
        bankHolidays: false,
      },
    },
    staff: [{ key: "sam-staff", name: "Sam Staff", slack: STAFF_SLACK_ID }],
    staffChannels: [{ platform: "slack", id: STAFF_CHANNEL, name: "staff" }],
    teams: Array.from({ length: options.teams }, (_, i) => ({
      key: `team-${i + 1}`,
      name: `Team ${i + 1}`,
      award: 10000,
      channels: [{ platform: "slack", id: channelId(i + 1), name: `team-${i + 1}` }],
      members: Array.from({ length: options.membersPerTeam ?? 1 }, (_, n) => ({
        key: `m-${i + 1}-${n + 1}`,
        name: `Member ${n + 1} of Team ${i + 1}`,
        slack: memberId(i + 1, n + 1),
        teams: teamsMemberId(i + 1, n + 1),
      })),
    })),
    coachingSessions: (options.sessions ?? []).map((starts, i) => ({
      key: `session-${i + 1}`,
      title: `All-teams session ${i + 1}`,
      starts: starts.replace(/\.\d{3}Z$/, "Z"),
      minutes: 60,
      coach: "Priya Shah",
    })),
    reportingCycles: [
      // Open now, due in two weeks: the progress-update form is editable during the suite.
      { month: day(0).slice(0, 7), opens: `${day(-3)} 09:00`, due: `${day(14)} 17:00`, graceDays: 3 },
    ],
  };
}

/** Writes the programme to a temporary YAML file and returns its path. */
export function writeProgramme(options: ProgrammeOptions): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-rel-"));
  const file = path.join(dir, "programme.yaml");
  fs.writeFileSync(file, stringify(buildProgramme(options)));
  return file;
}

/** A session start that makes its "1 hour before" reminder due `dueInMs` from now (negative: already due). */
export function sessionStartFor(dueInMs: number): string {
  return new Date(Date.now() + 3_600_000 + dueInMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}
