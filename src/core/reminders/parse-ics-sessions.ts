import ICAL from "ical.js";
import { DateTime } from "luxon";
import { AppError } from "../errors.js";
import type { CoachingSession } from "../programme/types.js";

/** A session read from an .ics file; `key` is derived from the event UID (and occurrence), so importing the same file twice updates in place. */
export type IcsSession = Pick<
  CoachingSession,
  "key" | "title" | "startsAt" | "durationMinutes" | "coach" | "joinUrl" | "location"
>;

const MAX_OCCURRENCES = 60;

/** FNV-1a, twice with different seeds: a short stable id for a UID (keys allow only [a-z0-9-]). */
function hash(text: string): string {
  const run = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, "0");
  };
  return run(2166136261) + run(0x811c9dc5 ^ 0x5bd1e995);
}

/**
 * The instant of an iCalendar time. UTC and IANA TZIDs are exact; a VTIMEZONE in the file (Outlook's
 * "GMT Standard Time") is honoured; a floating time is wall-clock in the programme's zone.
 */
function toInstant(t: ICAL.Time, tzParam: string | undefined, fallbackZone: string): Date {
  const parts = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
  const tzid = tzParam ?? t.zone?.tzid;
  if (tzid === "UTC" || tzid === "Z") return DateTime.fromObject(parts, { zone: "UTC" }).toJSDate();
  if (tzid && DateTime.local().setZone(tzid).isValid) return DateTime.fromObject(parts, { zone: tzid }).toJSDate();
  if (t.zone && t.zone.tzid !== "floating" && ICAL.TimezoneService.has(t.zone.tzid)) return t.toJSDate();
  return DateTime.fromObject(parts, { zone: fallbackZone }).toJSDate();
}

function firstUrl(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    const match = text?.match(/https?:\/\/[^\s<>"]+/);
    if (match) return match[0];
  }
  return null;
}

/** Reads the VEVENTs of an .ics file as coaching sessions (recurring events expanded, up to 60 each). */
export function parseIcsSessions(text: string, timeZone: string): IcsSession[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new AppError("invalid_input", `Not a readable iCalendar file: ${(error as Error).message}`);
  }
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const sessions: IcsSession[] = [];
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    const minutes = Math.max(5, Math.min(600, Math.round((event.duration?.toSeconds() ?? 3600) / 60) || 60));
    const organizer = vevent.getFirstProperty("organizer");
    const coach = String(organizer?.getParameter("cn") ?? "").slice(0, 120);
    const url = vevent.getFirstPropertyValue("url");
    const base = {
      title: (event.summary || "Coaching session").trim().slice(0, 200),
      durationMinutes: minutes,
      coach,
      joinUrl: firstUrl(typeof url === "string" ? url : null, event.location, event.description),
      location: event.location ? event.location.slice(0, 200) : null,
    };
    const tzParam = vevent.getFirstProperty("dtstart")?.getParameter("tzid");
    const tzid = typeof tzParam === "string" ? tzParam : undefined;
    const id = hash(event.uid || `${base.title}|${event.startDate.toString()}`);
    if (!event.isRecurring()) {
      sessions.push({ ...base, key: `ics-${id}`, startsAt: toInstant(event.startDate, tzid, timeZone) });
      continue;
    }
    const it = event.iterator();
    for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES; n++, next = it.next()) {
      sessions.push({ ...base, key: `ics-${id}-${n + 1}`, startsAt: toInstant(next, tzid, timeZone) });
    }
  }
  return sessions;
}
