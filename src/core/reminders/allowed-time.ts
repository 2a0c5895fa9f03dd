import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { memoZone } from "./memo-zone.js";
import type { ReminderPolicy } from "./reminder-policy.js";

/**
 * When a reminder may be posted: outside quiet hours, not at weekends, not on a bank holiday (England
 * and Wales by default, from the maintained date-holidays data rather than a hand-typed list). All
 * checks use local wall-clock time in the programme's zone.
 */
export type SendingRules = Pick<ReminderPolicy, "quietHours" | "skipWeekends" | "bankHolidays">;

const holidayCache = new Map<string, Set<string>>();

/** Local dates ("2022-12-27") of public/bank holidays for one region and year; cached (the data is static). */
function holidayDates(rules: SendingRules, year: number): Set<string> {
  if (rules.bankHolidays === false) return new Set();
  const { country, state } = rules.bankHolidays;
  const cacheKey = `${country}/${state ?? ""}/${year}`;
  let dates = holidayCache.get(cacheKey);
  if (!dates) {
    const calendar = state ? new Holidays(country, state) : new Holidays(country);
    const list = calendar.getHolidays(year) || [];
    dates = new Set(list.filter((h) => h.type === "public" || h.type === "bank").map((h) => h.date.slice(0, 10)));
    holidayCache.set(cacheKey, dates);
  }
  return dates;
}

export function isBankHoliday(local: DateTime, rules: SendingRules): boolean {
  return holidayDates(rules, local.year).has(local.toISODate() ?? "");
}

/** A day reminders may go out on (and the unit "working days" are counted in). */
export function isWorkingDay(local: DateTime, rules: SendingRules): boolean {
  if (rules.skipWeekends && local.weekday >= 6) return false;
  return !isBankHoliday(local, rules);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function inQuietHours(local: DateTime, rules: SendingRules): boolean {
  const t = local.hour * 60 + local.minute;
  const start = minutesOf(rules.quietHours.start);
  const end = minutesOf(rules.quietHours.end);
  if (start === end) return false;
  return start > end ? t >= start || t < end : t >= start && t < end;
}

export function isAllowedTime(local: DateTime, rules: SendingRules): boolean {
  return isWorkingDay(local, rules) && !inQuietHours(local, rules);
}

/** `hh:mm` on the same local day (luxon resolves a time that a clock change skips to the next valid one). */
export function atLocalTime(local: DateTime, hhmm: string): DateTime {
  return local.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, millisecond: 0 });
}

/** The first allowed instant at or after `local` (08:00 on the next working day when it is not allowed). */
export function nextAllowedTime(local: DateTime, rules: SendingRules): DateTime {
  let t = local;
  for (let i = 0; i < 60; i++) {
    if (isAllowedTime(t, rules)) return t;
    if (!isWorkingDay(t, rules)) {
      t = t.plus({ days: 1 }).startOf("day");
      continue;
    }
    // In quiet hours on a working day: the end of quiet hours today (early morning) or tomorrow (evening).
    const endToday = atLocalTime(t, rules.quietHours.end);
    t = endToday > t ? endToday : atLocalTime(t.plus({ days: 1 }).startOf("day"), rules.quietHours.end);
  }
  return t;
}

/**
 * The latest "evening" slot before `local` when the forward slot would be too late: one hour before
 * quiet hours start (19:00 by default) on the nearest working day at or before it.
 */
export function previousAllowedTime(local: DateTime, rules: SendingRules): DateTime | null {
  const slot = minutesOf(rules.quietHours.start) - 60;
  const slotTime = `${String(Math.floor(((slot + 1440) % 1440) / 60)).padStart(2, "0")}:${String((slot + 1440) % 60).padStart(2, "0")}`;
  for (let i = 0; i < 30; i++) {
    const candidate = atLocalTime(local.minus({ days: i }), slotTime);
    if (candidate <= local && isAllowedTime(candidate, rules)) return candidate;
  }
  return null;
}

/** Counts `n` working days back from the local date of `local` (the day itself not counted). */
export function workingDaysBefore(local: DateTime, n: number, rules: SendingRules): DateTime {
  let t = local;
  let left = n;
  for (let i = 0; left > 0 && i < 400; i++) {
    t = t.minus({ days: 1 });
    if (isWorkingDay(t, rules)) left--;
  }
  return t;
}

export function toLocal(date: Date, timeZone: string): DateTime {
  // Every DateTime derived from this one (minus, set, startOf) keeps the memoising zone.
  return DateTime.fromJSDate(date, { zone: memoZone(timeZone) });
}
