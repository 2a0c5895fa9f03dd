import type { DateTime } from "luxon";
import { nextAllowedTime, previousAllowedTime, type SendingRules } from "./allowed-time.js";

export type Placement = { at: DateTime } | { skip: string; at: DateTime };

/**
 * Moves an ideal send time out of quiet hours, weekends and bank holidays.
 * Rule (docs/REMINDERS.md): move forward to the next allowed time; if that is not before the event,
 * a reminder that may go early (`early`) moves back to the last evening slot before it (19:00 on the
 * previous working day by default); otherwise it is skipped with a reason.
 */
export function placeInAllowedTime(input: {
  ideal: DateTime;
  event: DateTime;
  rules: SendingRules;
  early: boolean;
}): Placement {
  const { ideal, event, rules } = input;
  const forward = nextAllowedTime(ideal, rules);
  if (forward < event) return { at: forward };
  if (input.early) {
    const back = previousAllowedTime(ideal, rules);
    if (back && back < event) return { at: back };
  }
  return { skip: "no allowed time before the event (quiet hours, weekend or bank holiday)", at: ideal };
}

type ChainItem<T> = { item: T; placement: Placement };

/**
 * A chain of reminders for one event (7 days, 1 day, on the day): each one is useful until the next one
 * goes out, the last until the event. One that would go out at or after its successor is superseded.
 */
export function chainExpiry<T>(
  chain: ChainItem<T>[],
  event: DateTime,
): { item: T; at: DateTime; expires: DateTime; skip?: string }[] {
  const sorted = [...chain].sort((a, b) => a.placement.at.toMillis() - b.placement.at.toMillis());
  const out: { item: T; at: DateTime; expires: DateTime; skip?: string }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as ChainItem<T>;
    const successor = sorted.slice(i + 1).find((c) => !("skip" in c.placement));
    const expires = successor ? successor.placement.at : event;
    const skip =
      "skip" in current.placement
        ? current.placement.skip
        : current.placement.at >= expires
          ? "superseded by a later reminder for the same event"
          : undefined;
    out.push({ item: current.item, at: current.placement.at, expires, skip });
  }
  return out;
}
