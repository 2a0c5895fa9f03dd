import { formatLocal } from "../programme/local-time.js";
import type { Programme } from "../programme/types.js";
import {
  isAllowedTime,
  isBankHoliday,
  isWorkingDay,
  nextAllowedTime,
  type SendingRules,
  toLocal,
} from "./allowed-time.js";
import { parseReminderPolicy } from "./reminder-policy.js";

/** When an occasion that has become sendable may really go out: now, later (deferred), or never (skip). */
export type SendDecision = { sendAt: Date; deferred: boolean } | { skip: string };

/** Why an instant is not allowed, in words a log reader understands. */
export function quietReason(at: Date, rules: SendingRules, timeZone: string): string {
  const local = toLocal(at, timeZone);
  if (rules.skipWeekends && local.weekday >= 6) return "a weekend";
  if (isBankHoliday(local, rules)) return "a bank holiday";
  if (!isWorkingDay(local, rules)) return "not a working day";
  return `quiet hours (${rules.quietHours.start}–${rules.quietHours.end})`;
}

/**
 * The planner places each reminder in allowed time, but an occasion can become sendable later than
 * planned: after downtime, after a retry back-off, at first start. This decides at the instant it would
 * go out: now if now is allowed; otherwise the next allowed time if that is still before `expiresAt`
 * (the next reminder for the same event, the event itself, or the end of a staff note's usefulness);
 * otherwise a skip with the reason. `expiresAt` null = useful for ever (staff alerts).
 */
export function sendWhenAllowed(input: {
  now: Date;
  expiresAt: Date | null;
  rules: SendingRules;
  timeZone: string;
}): SendDecision {
  const { now, expiresAt, rules, timeZone } = input;
  const local = toLocal(now, timeZone);
  if (isAllowedTime(local, rules)) return { sendAt: now, deferred: false };
  const next = nextAllowedTime(local, rules).toJSDate();
  if (expiresAt === null || next < expiresAt) return { sendAt: next, deferred: true };
  return {
    skip:
      `not sent: it came due during ${quietReason(now, rules, timeZone)}, and the next allowed time ` +
      `(${formatLocal(next, timeZone)}) is not before it stops being useful (${formatLocal(expiresAt, timeZone)})`,
  };
}

/** The first allowed instant at or after `at` (for retries: a back-off must not land in quiet time). */
export function firstAllowedFrom(at: Date, rules: SendingRules, timeZone: string): Date {
  return nextAllowedTime(toLocal(at, timeZone), rules).toJSDate();
}

/** Why nothing goes out for this programme at `at` ("a weekend"), or null when reminders may go out. */
export function quietNow(programme: Pick<Programme, "settings" | "timeZone">, at: Date): string | null {
  const rules = parseReminderPolicy(programme.settings);
  return isAllowedTime(toLocal(at, programme.timeZone), rules) ? null : quietReason(at, rules, programme.timeZone);
}
