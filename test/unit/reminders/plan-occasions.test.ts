import { describe, expect, it } from "vitest";
import type { Occasion } from "../../../src/core/reminders/occasion.js";
import { dueOccasions, planOccasions } from "../../../src/core/reminders/plan-occasions.js";
import { cycle, milestone, plannerInput, session } from "./planner-fixture.js";

/** offset label → [scheduled UTC ISO, skip reason] for one target. */
function byOffset(occasions: Occasion[], target = "ch-alpha") {
  return Object.fromEntries(
    occasions
      .filter((o) => o.target === target)
      .map((o) => [o.payload.offset, [o.scheduledFor.toISOString(), o.skipReason ?? null]]),
  );
}

const noRules = { quietHours: { start: "00:00", end: "00:00" }, skipWeekends: false, bankHolidays: false as const };

describe("planner: time zones and clock changes", () => {
  it("keeps local wall-clock time for day offsets across the March 2023 change (the issue's example)", () => {
    // Thu 30 Mar 2023 17:00 BST = 16:00Z; 7 days before is Thu 23 Mar 17:00 GMT = 17:00Z.
    const plan = planOccasions(plannerInput({ milestones: [milestone("m1", "2023-03-30T16:00:00Z")] }));
    expect(byOffset(plan)).toEqual({
      "-7d": ["2023-03-23T17:00:00.000Z", null],
      "-1d": ["2023-03-29T16:00:00.000Z", null],
      "on-the-day": ["2023-03-30T08:00:00.000Z", null],
    });
  });

  it("uses real hours for hour offsets and wall-clock days across the October 2022 change", () => {
    // Sun 30 Oct 2022 10:00 GMT (10:00Z). The day before is Sat 29 Oct 10:00 BST = 09:00Z (25 real hours).
    const plan = planOccasions(
      plannerInput({
        sessions: [session("s1", "2022-10-30T10:00:00Z")],
        policy: { ...noRules, sessions: { daysBefore: [1], hoursBefore: [2] } },
      }),
    );
    expect(byOffset(plan)).toEqual({
      "-1d": ["2022-10-29T09:00:00.000Z", null],
      "-2h": ["2022-10-30T08:00:00.000Z", null],
    });
  });
});

describe("planner: quiet hours, weekends and bank holidays", () => {
  it("moves an early-morning hour reminder to 08:00, and skips it when 08:00 is not before the session", () => {
    const plan = planOccasions(
      plannerInput({ sessions: [session("s1", "2022-10-12T07:30:00Z"), session("s2", "2022-10-13T07:00:00Z")] }),
    );
    const s1 = plan.filter((o) => o.payload.subjectId === "s1" && o.target === "ch-alpha");
    const s2 = plan.filter((o) => o.payload.subjectId === "s2" && o.target === "ch-alpha");
    // 08:30 BST session: 1 hour before is 07:30 local, quiet → 08:00 local (07:00Z).
    expect(byOffset(s1)["-1h"]).toEqual(["2022-10-12T07:00:00.000Z", null]);
    // 08:00 BST session: the hour reminder has no allowed time before the session.
    expect(byOffset(s2)["-1h"]?.[1]).toMatch(/no allowed time/);
    expect(byOffset(s2)["-1d"]).toEqual(["2022-10-12T07:00:00.000Z", null]);
  });

  it("moves an evening reminder to the next morning", () => {
    // Thu 13 Oct 2022 21:00 BST session: the day before is Wed 21:00 (quiet) → Thu 08:00 BST.
    const plan = planOccasions(plannerInput({ sessions: [session("s1", "2022-10-13T20:00:00Z")] }));
    expect(byOffset(plan)["-1d"]).toEqual(["2022-10-13T07:00:00.000Z", null]);
    expect(byOffset(plan)["-1h"]?.[1]).toMatch(/no allowed time/);
  });

  it("moves a Sunday reminder to Monday 08:00 for a Monday session", () => {
    const plan = planOccasions(plannerInput({ sessions: [session("s1", "2022-11-07T10:00:00Z")] }));
    expect(byOffset(plan)).toEqual({
      "-1d": ["2022-11-07T08:00:00.000Z", null],
      "-1h": ["2022-11-07T09:00:00.000Z", null],
    });
  });

  it("moves a reminder off the 2 Jan 2023 bank holiday", () => {
    const plan = planOccasions(plannerInput({ sessions: [session("s1", "2023-01-03T10:00:00Z")] }));
    expect(byOffset(plan)["-1d"]).toEqual(["2023-01-03T08:00:00.000Z", null]);
  });

  it("sends earlier when the event falls on a bank holiday itself (27 Dec 2022), and skips the on-the-day one", () => {
    // Tue 27 Dec 2022 17:00: the day before (Mon 26, bank holiday) would move to Wed 28 08:00, after the
    // deadline, so it goes out at 19:00 on the last working day before it (Fri 23 Dec).
    const plan = planOccasions(plannerInput({ milestones: [milestone("m1", "2022-12-27T17:00:00Z")] }));
    expect(byOffset(plan)).toEqual({
      "-7d": ["2022-12-20T17:00:00.000Z", null],
      "-1d": ["2022-12-23T19:00:00.000Z", null],
      "on-the-day": ["2022-12-27T09:00:00.000Z", expect.stringMatching(/no allowed time/)],
    });
  });

  it("marks a reminder superseded when it would go out with or after the next one", () => {
    // Mon 9 Jan 2023 08:30: the day before is Sun → Mon 08:00 (allowed); the hour before 07:30 → Mon 08:00 too.
    const plan = planOccasions(plannerInput({ sessions: [session("s1", "2023-01-09T08:30:00Z")] }));
    const offsets = byOffset(plan);
    expect(offsets["-1h"]).toEqual(["2023-01-09T08:00:00.000Z", null]);
    expect(offsets["-1d"]?.[1]).toMatch(/superseded/);
  });
});

describe("planner: monthly updates", () => {
  const october = cycle("2022-10", "2022-10-24T08:00:00Z", "2022-10-31T17:00:00Z");

  it("opens, nudges 3 working days before, final call on the due day, staff notes after", () => {
    const plan = planOccasions(plannerInput({ cycles: [october], submitted: new Set(["cycle-2022-10:team-beta"]) }));
    expect(byOffset(plan)).toEqual({
      open: ["2022-10-24T08:00:00.000Z", null],
      "nudge-3wd": ["2022-10-26T09:00:00.000Z", null],
      "final-call": ["2022-10-31T09:00:00.000Z", null],
    });
    // The team that has submitted is never nudged.
    const beta = byOffset(plan, "ch-beta");
    expect(beta["nudge-3wd"]?.[1]).toMatch(/already submitted/);
    expect(beta["final-call"]?.[1]).toMatch(/already submitted/);
    expect(byOffset(plan, "ch-staff")).toEqual({
      "missing-note": ["2022-10-31T12:00:00.000Z", null],
      digest: ["2022-11-01T09:00:00.000Z", null],
      "late-note": ["2022-11-03T17:00:00.000Z", null],
    });
    const open = plan.find((o) => o.kind === "cycle-open" && o.target === "ch-alpha");
    expect(open?.payload.month).toBe("2022-10");
  });

  it("counts working days around Christmas bank holidays (due Fri 30 Dec 2022 → nudge Fri 23 Dec)", () => {
    const december = cycle("2022-12", "2022-12-23T09:00:00Z", "2022-12-30T17:00:00Z");
    const plan = planOccasions(plannerInput({ cycles: [december] }));
    expect(byOffset(plan)["nudge-3wd"]).toEqual(["2022-12-23T10:00:00.000Z", null]);
  });
});

describe("planner: targets, keys and catch-up", () => {
  it("sends programme-wide sessions to every team's channels with unique keys, never to staff", () => {
    const plan = planOccasions(
      plannerInput({
        sessions: [session("s1", "2022-11-03T14:00:00Z", null), session("s2", "2022-11-10T14:00:00Z")],
        milestones: [milestone("m1", "2022-11-25T17:00:00Z", null)],
        cycles: [cycle("2022-11", "2022-11-24T09:00:00Z", "2022-11-30T17:00:00Z")],
      }),
    );
    const s1Targets = new Set(plan.filter((o) => o.payload.subjectId === "s1").map((o) => o.target));
    expect(s1Targets).toEqual(new Set(["ch-alpha", "ch-alpha-2", "ch-beta"]));
    const s2Targets = new Set(plan.filter((o) => o.payload.subjectId === "s2").map((o) => o.target));
    expect(s2Targets).toEqual(new Set(["ch-alpha", "ch-alpha-2"]));
    expect(new Set(plan.map((o) => o.key)).size).toBe(plan.length);
  });

  it("changes the key when a session moves, so the new time is reminded", () => {
    const a = planOccasions(plannerInput({ sessions: [session("s1", "2022-11-10T14:00:00Z")] }));
    const b = planOccasions(plannerInput({ sessions: [session("s1", "2022-11-10T15:00:00Z")] }));
    expect(a.map((o) => o.key).filter((k) => b.some((o) => o.key === k))).toEqual([]);
  });

  it("catches up what is still useful after downtime and marks the rest stale", () => {
    // Session Thu 10 Nov 2022 14:00Z: day before Wed 14:00, hour before Thu 13:00.
    const input = plannerInput({ sessions: [session("s1", "2022-11-10T14:00:00Z")] });
    const beforeAny = dueOccasions(input, new Date("2022-11-09T13:59:00Z"));
    expect(beforeAny).toEqual([]);
    const morning = dueOccasions(input, new Date("2022-11-10T09:00:00Z")).filter((o) => o.target === "ch-alpha");
    expect(morning.map((o) => [o.payload.offset, o.skipReason ?? null])).toEqual([["-1d", null]]);
    const late = dueOccasions(input, new Date("2022-11-10T13:30:00Z")).filter((o) => o.target === "ch-alpha");
    expect(Object.fromEntries(late.map((o) => [o.payload.offset, o.skipReason ?? null]))).toEqual({
      "-1d": expect.stringMatching(/stale/),
      "-1h": null,
    });
    // Outside the catch-up window (72 h by default) nothing is considered any more.
    expect(dueOccasions(input, new Date("2022-11-20T09:00:00Z"))).toEqual([]);
  });

  it("plans nothing when the programme turns reminders off", () => {
    const input = plannerInput({ sessions: [session("s1", "2022-11-10T14:00:00Z")], policy: { enabled: false } });
    expect(planOccasions(input)).toEqual([]);
  });
});

describe("catch-up respects allowed time: 'now' is checked when a missed occasion would go out", () => {
  /** offset label → [status, deferred until (UTC ISO) or skip reason] for one target. */
  function dueAt(input: ReturnType<typeof plannerInput>, at: string, target = "ch-alpha", windowHours = 72) {
    return Object.fromEntries(
      dueOccasions(input, new Date(at), windowHours * 3_600_000)
        .filter((o) => o.target === target)
        .map((o) => [
          o.payload.offset,
          o.skipReason
            ? ["skip", o.skipReason]
            : o.deferredUntil
              ? ["deferred", o.deferredUntil.toISOString()]
              : ["now", null],
        ]),
    );
  }

  it("defers a reminder missed on Friday to Monday 08:00 when the session is Monday 09:30", () => {
    // Session Mon 28 Nov 2022 09:30 GMT; 3 days before = Fri 25 Nov 09:30, missed while down until 22:00.
    const input = plannerInput({
      sessions: [session("s1", "2022-11-28T09:30:00Z")],
      policy: { sessions: { daysBefore: [3], hoursBefore: [1] } },
    });
    expect(dueAt(input, "2022-11-25T22:00:00Z")).toEqual({ "-3d": ["deferred", "2022-11-28T08:00:00.000Z"] });
    expect(dueAt(input, "2022-11-26T10:00:00Z")).toEqual({ "-3d": ["deferred", "2022-11-28T08:00:00.000Z"] });
    expect(dueAt(input, "2022-11-28T08:00:00Z")).toEqual({ "-3d": ["now", null] });
  });

  it("skips with a reason when the next allowed time is too late to be useful", () => {
    // Fri 25 Nov 2022 20:30 session: the hour-before (19:30) caught up at 20:05 could only go on Monday.
    const input = plannerInput({ sessions: [session("s1", "2022-11-25T20:30:00Z")] });
    const [status, reason] = dueAt(input, "2022-11-25T20:05:00Z")["-1h"] ?? [];
    expect(status).toBe("skip");
    expect(reason).toMatch(
      /came due during quiet hours \(20:00–08:00\).*Mon 28 Nov 2022, 08:00.*Fri 25 Nov 2022, 20:30/,
    );
    // A nudge missed over the weekend is still useful on Monday (the final call is Wednesday).
    const november = plannerInput({ cycles: [cycle("2022-11", "2022-11-24T09:00:00Z", "2022-11-30T17:00:00Z")] });
    expect(dueAt(november, "2022-11-26T10:00:00Z")["nudge-3wd"]).toEqual(["deferred", "2022-11-28T08:00:00.000Z"]);
  });

  it("defers staff notes over a weekend and a bank holiday, within their week of usefulness", () => {
    const november = plannerInput({ cycles: [cycle("2022-11", "2022-11-24T09:00:00Z", "2022-11-30T17:00:00Z")] });
    // Digest Thu 1 Dec 09:00, late list Sat 3 Dec 17:00 (moved to Mon 5 Dec 08:00 by the planner).
    expect(dueAt(november, "2022-12-03T12:00:00Z", "ch-staff")).toEqual({
      digest: ["deferred", "2022-12-05T08:00:00.000Z"],
    });
    const december = plannerInput({ cycles: [cycle("2022-12", "2022-12-23T09:00:00Z", "2022-12-30T17:00:00Z")] });
    // Tue 27 Dec 2022 is a bank holiday; with a 5-day window the nudge (Fri 23 Dec 10:00) waits until Wed 28 Dec.
    expect(dueAt(december, "2022-12-27T12:00:00Z", "ch-alpha", 120)["nudge-3wd"]).toEqual([
      "deferred",
      "2022-12-28T08:00:00.000Z",
    ]);
  });
});
