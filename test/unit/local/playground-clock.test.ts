import { describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "../../../src/core/ports/clock.js";
import {
  createPlaygroundClock,
  isPlaygroundClock,
  resumeOrStart,
  startingTime,
} from "../../../src/platforms/local/playground-clock.js";

const programme = {
  startsOn: new Date("2022-10-01T00:00:00Z"),
  endsOn: new Date("2023-03-31T00:00:00Z"),
  timeZone: "Europe/London",
};

describe("playground clock", () => {
  it("jumps and then keeps running from there", () => {
    const base = fixedClock("2026-01-01T12:00:00Z");
    const clock = createPlaygroundClock(base);
    clock.jumpTo(new Date("2022-11-29T09:00:00Z"));
    expect(clock.now().toISOString()).toBe("2022-11-29T09:00:00.000Z");
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe("2022-11-29T09:01:00.000Z");
    expect(isPlaygroundClock(clock)).toBe(true);
    expect(isPlaygroundClock(systemClock)).toBe(false);
    expect(isPlaygroundClock(fixedClock("2022-01-01T00:00:00Z"))).toBe(false);
  });

  it("starts at now inside the programme, else where the tour works: the first update cycle's opening", () => {
    const inside = new Date("2022-11-15T10:00:00Z");
    expect(startingTime(programme, inside)).toEqual(inside);
    const lastEvening = new Date("2023-03-31T20:00:00Z"); // 21:00 BST on the last day
    expect(startingTime(programme, lastEvening)).toEqual(lastEvening);
    // The seed's first cycle opens Mon 24 Oct 2022 09:00 BST (08:00 UTC).
    const opens = new Date("2022-10-24T08:00:00Z");
    expect(startingTime(programme, new Date("2026-11-24T10:00:00Z"), opens)).toEqual(opens);
    expect(startingTime(programme, new Date("2022-09-30T22:00:00Z"), opens)).toEqual(opens);
    // No cycles: 09:00 on the first weekday (1 Oct 2022 was a Saturday → Mon 3 Oct, 09:00 BST).
    expect(startingTime(programme, new Date("2023-04-01T00:30:00Z")).toISOString()).toBe("2022-10-03T08:00:00.000Z");
  });

  it("resumes at the last message sent when the tour has been walked on this data, else starts", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const opens = new Date("2022-10-24T08:00:00Z");
    expect(resumeOrStart(programme, now, opens, null)).toEqual({ at: opens, resumed: false });
    const lastSent = new Date("2022-11-01T09:00:00Z");
    expect(resumeOrStart(programme, now, opens, lastSent)).toEqual({ at: lastSent, resumed: true });
    // Something sent before the start (a nudge from an earlier run's first tick): start as usual.
    expect(resumeOrStart(programme, now, opens, new Date("2022-10-20T09:00:00Z"))).toEqual({
      at: opens,
      resumed: false,
    });
  });
});
