import { describe, expect, it } from "vitest";
import type { ProgressUpdate } from "../../../src/core/ports/update-repository.js";
import type { Programme, ReportingCycle, Team } from "../../../src/core/programme/types.js";
import {
  openSupportAndBlockers,
  peoplePerMonth,
  spendToDate,
  submissionsPerCycle,
} from "../../../src/core/staff/overview-figures.js";
import { buildHistory } from "../../../src/core/staff/programme-history.js";
import { teamStory } from "../../../src/core/staff/team-story.js";
import type { UpdateData } from "../../../src/core/updates/update-form.js";

const programme: Programme = {
  id: "p",
  slug: "p",
  name: "P",
  organisation: "",
  timeZone: "Europe/London",
  grantPerTeam: 10_000,
  totalFunding: 30_000,
  startsOn: new Date("2022-10-01"),
  endsOn: new Date("2023-03-31"),
  settings: {},
};
const cycles: ReportingCycle[] = ["2022-10", "2022-11", "2022-12"].map((month) => ({
  id: `c${month}`,
  programmeId: "p",
  month,
  opensAt: new Date(`${month}-24T09:00:00Z`),
  dueAt: new Date(`${month}-28T17:00:00Z`),
  graceDays: 3,
}));
const team = (key: string): Team => ({
  id: key,
  programmeId: "p",
  key,
  name: `Team ${key}`,
  borough: "",
  project: "",
  award: 10_000,
  calendarToken: key,
  sampleData: false,
  coachId: null,
});
const update = (
  teamId: string,
  month: string,
  data: UpdateData,
  extra: Partial<ProgressUpdate> = {},
): ProgressUpdate => ({
  id: `${teamId}-${month}`,
  teamId,
  cycleId: `c${month}`,
  status: "submitted",
  data,
  version: 1,
  late: false,
  submittedAt: new Date(`${month}-27T10:00:00Z`),
  submittedById: null,
  updatedById: null,
  updatedAt: new Date(`${month}-27T10:00:00Z`),
  ...extra,
});

// 5 Dec: October and November are due; December's window has not opened.
const NOW = new Date("2022-12-05T12:00:00Z");
const history = buildHistory(
  programme,
  cycles,
  [team("a"), team("b"), team("c")],
  [
    update("a", "2022-10", { rag: "on-track", people: 10, spend: 1000 }),
    update("a", "2022-11", { rag: "off-track", people: 5, spend: 2000, blockers: "No venue", support: "funding" }),
    update("b", "2022-10", { rag: "at-risk", people: 7, spend: 500, blockers: "No data" }),
    update("b", "2022-11", { rag: "on-track", people: 3, spend: 900, blockers: "No data" }, { late: true }),
    update("c", "2022-11", { rag: "on-track" }, { status: "draft" }),
  ],
  NOW,
);

describe("overview figures", () => {
  it("counts submissions on time, late, missing (a draft after the due date is missing) and not due", () => {
    expect(submissionsPerCycle(history)).toEqual([
      { month: "2022-10", onTime: 2, late: 0, missing: 1, notDue: 0 },
      { month: "2022-11", onTime: 1, late: 1, missing: 1, notDue: 0 },
      { month: "2022-12", onTime: 0, late: 0, missing: 0, notDue: 3 },
    ]);
  });

  it("sets spend against the pro-rata line at today's share of the programme", () => {
    const spend = spendToDate(history);
    // 65.5 of 182 days have passed.
    expect(spend.fraction).toBeCloseTo(65.5 / 182, 3);
    expect(spend.teams.map((t) => [t.team.key, t.spent, t.expected, t.asOf])).toEqual([
      ["a", 2000, 3599, "2022-11"],
      ["b", 900, 3599, "2022-11"],
      ["c", 0, 3599, null],
    ]);
    expect([spend.spent, spend.funding, spend.expected]).toEqual([2900, 30_000, 10_797]);
  });

  it("adds people per month and cumulatively", () => {
    expect(peoplePerMonth(history).map((p) => [p.people, p.cumulative, p.reporting])).toEqual([
      [17, 17, 2],
      [8, 25, 2],
      [0, 25, 0],
    ]);
  });

  it("lists open support and blockers from each latest update, off track first, with how long open", () => {
    const items = openSupportAndBlockers(history).map((i) => [i.team.key, i.kind, i.since, i.rag]);
    expect(items).toEqual([
      ["a", "support", "2022-11", "off-track"],
      ["a", "blocker", "2022-11", "off-track"],
      ["b", "blocker", "2022-10", "on-track"],
    ]);
  });

  it("tells a team's story: a blocker the next update drops counts as overcome", () => {
    const a = history.teams.find((t) => t.team.key === "a");
    const b = history.teams.find((t) => t.team.key === "b");
    expect(a && teamStory(a).stillOpen).toEqual([{ month: "2022-11", text: "No venue" }]);
    expect(b && teamStory(b).overcome).toEqual([]);
    const cleared = buildHistory(
      programme,
      cycles,
      [team("d")],
      [update("d", "2022-10", { blockers: "IG sign-off" }), update("d", "2022-11", {})],
      NOW,
    );
    expect(teamStory(cleared.teams[0] as never).overcome).toEqual([
      { month: "2022-10", text: "IG sign-off", clearedBy: "2022-11" },
    ]);
  });
});
