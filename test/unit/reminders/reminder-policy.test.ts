import { describe, expect, it } from "vitest";
import { defaultReminderPolicy, parseReminderPolicy } from "../../../src/core/reminders/reminder-policy.js";

describe("reminder policy", () => {
  it("applies defaults when the programme file has no reminders section", () => {
    expect(parseReminderPolicy({})).toEqual(defaultReminderPolicy);
    expect(parseReminderPolicy(null)).toEqual(defaultReminderPolicy);
  });

  it("merges overrides section by section", () => {
    const policy = parseReminderPolicy({
      reminders: { sessions: { hoursBefore: [2] }, updates: { nudgeWorkingDaysBefore: 2 }, bankHolidays: false },
    });
    expect(policy.sessions).toEqual({ daysBefore: [1], hoursBefore: [2] });
    expect(policy.updates.nudgeWorkingDaysBefore).toBe(2);
    expect(policy.updates.finalCall).toBe(true);
    expect(policy.bankHolidays).toBe(false);
  });

  it("falls back to the defaults (and reports it) when stored settings are invalid", () => {
    const problems: unknown[] = [];
    const policy = parseReminderPolicy({ reminders: { quietHours: { start: "25:00", end: "08:00" } } }, (e) =>
      problems.push(e),
    );
    expect(policy).toEqual(defaultReminderPolicy);
    expect(problems).toHaveLength(1);
  });
});
