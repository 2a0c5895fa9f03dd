import { DateTime } from "luxon";

/**
 * Reads a programme-file time. "2022-10-12 10:00" / "2022-10-12T10:00" are wall-clock times in the
 * programme's zone (so a session at 10:00 stays at 10:00 across a clock change); a trailing Z or offset
 * is taken as given; a bare date means 00:00 local unless `defaultTime` says otherwise.
 */
export function parseLocalTime(value: string, timeZone: string, defaultTime = "00:00"): Date | null {
  const text = value.trim();
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.includes("T");
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${defaultTime}` : text.replace(" ", "T");
  const dt = hasZone
    ? DateTime.fromISO(normalised, { setZone: true })
    : DateTime.fromISO(normalised, { zone: timeZone });
  return dt.isValid ? dt.toJSDate() : null;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** "2022-10-31" in the given zone. */
export function localDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toISODate() ?? "";
}

/** Human date and time in the programme zone, e.g. "Wed 12 Oct 2022, 10:00". */
export function formatLocal(date: Date, timeZone: string, withTime = true): string {
  const dt = DateTime.fromJSDate(date, { zone: timeZone }).setLocale("en-GB");
  return withTime ? dt.toFormat("ccc d LLL yyyy, HH:mm") : dt.toFormat("ccc d LLL yyyy");
}
