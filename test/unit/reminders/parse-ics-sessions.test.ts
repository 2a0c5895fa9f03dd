import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIcsSessions } from "../../../src/core/reminders/parse-ics-sessions.js";

describe("parseIcsSessions", () => {
  const text = fs.readFileSync("test/fixtures/reminders/sessions.ics", "utf8");

  it("reads events with TZID, UTC and recurrence as sessions with stable keys", () => {
    const sessions = parseIcsSessions(text, "Europe/London");
    expect(sessions.map((s) => [s.title, s.startsAt.toISOString(), s.durationMinutes])).toEqual([
      ["Extra coaching: Lambeth", "2022-11-09T15:00:00.000Z", 60],
      ["Data clinic", "2022-11-16T10:00:00.000Z", 30],
      ["Data clinic", "2022-11-23T10:00:00.000Z", 30],
    ]);
    expect(sessions[0]).toMatchObject({ coach: "Priya Shah", joinUrl: "https://meet.example.org/lambeth-extra" });
    expect(sessions[1]?.joinUrl).toBe("https://teams.example.org/clinic");
    for (const s of sessions) expect(s.key).toMatch(/^ics-[a-f0-9]{16}(-\d+)?$/);
    expect(new Set(sessions.map((s) => s.key)).size).toBe(3);
    expect(parseIcsSessions(text, "Europe/London").map((s) => s.key)).toEqual(sessions.map((s) => s.key));
  });

  it("reads a floating time as wall-clock in the programme zone (BST in October)", () => {
    const floating = text.replace("DTSTART;TZID=Europe/London:20221109T150000", "DTSTART:20221012T100000");
    expect(parseIcsSessions(floating, "Europe/London")[0]?.startsAt.toISOString()).toBe("2022-10-12T09:00:00.000Z");
  });

  it("rejects a file that is not iCalendar with a readable error", () => {
    expect(() => parseIcsSessions("hello", "Europe/London")).toThrow(/Not a readable iCalendar file/);
  });
});
