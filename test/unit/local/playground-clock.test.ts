import { describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "../../../src/core/ports/clock.js";
import {
  createPlaygroundClock,
  isPlaygroundClock,
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

  it("starts at now inside the programme, else 09:00 local on its first day", () => {
    const inside = new Date("2022-11-15T10:00:00Z");
    expect(startingTime(programme, inside)).toEqual(inside);
    const lastEvening = new Date("2023-03-31T20:00:00Z"); // 21:00 BST on the last day
    expect(startingTime(programme, lastEvening)).toEqual(lastEvening);
    // 09:00 BST on 1 Oct 2022 is 08:00 UTC.
    expect(startingTime(programme, new Date("2026-11-24T10:00:00Z")).toISOString()).toBe("2022-10-01T08:00:00.000Z");
    expect(startingTime(programme, new Date("2022-09-30T22:00:00Z")).toISOString()).toBe("2022-10-01T08:00:00.000Z");
    expect(startingTime(programme, new Date("2023-04-01T00:30:00Z")).toISOString()).toBe("2022-10-01T08:00:00.000Z");
  });
});
