import type { Occasion, PlannerInput } from "./occasion.js";
import { planCycleReminders } from "./plan-cycle-reminders.js";
import { planMilestoneReminders, planSessionReminders } from "./plan-event-reminders.js";
import { sendWhenAllowed } from "./send-when-allowed.js";

/**
 * The pure planner: every reminder occasion for one programme's data, with its send time already moved
 * out of quiet hours, weekends and bank holidays. No database, no clock: the same input gives the same
 * plan, so any instant can be tested.
 */
export function planOccasions(input: PlannerInput): Occasion[] {
  if (!input.policy.enabled) return [];
  return [...planSessionReminders(input), ...planMilestoneReminders(input), ...planCycleReminders(input)];
}

/**
 * What is due at `now`: scheduled at or before it and within the catch-up window (so a restart after
 * downtime still considers what it missed). Each one is checked against `now` itself, since a missed
 * occasion caught up later may fall in quiet time: it is then deferred to the next allowed time if that
 * is still useful, or marked skipped. Stale ones are returned too, marked with a skip reason, so the
 * outbox records them as skipped instead of dropping them silently.
 */
export function dueOccasions(
  input: PlannerInput,
  now: Date,
  windowMs = input.policy.catchUpHours * 3_600_000,
): Occasion[] {
  const from = now.getTime() - windowMs;
  return planOccasions(input)
    .filter((o) => o.scheduledFor.getTime() <= now.getTime() && o.scheduledFor.getTime() > from)
    .map((o): Occasion => {
      if (o.skipReason) return o;
      if (o.expiresAt.getTime() <= now.getTime())
        return { ...o, skipReason: "stale: missed while the scheduler was not running, and no longer useful" };
      const decision = sendWhenAllowed({
        now,
        expiresAt: o.expiresAt,
        rules: input.policy,
        timeZone: input.programme.timeZone,
      });
      if ("skip" in decision) return { ...o, skipReason: decision.skip };
      return decision.deferred ? { ...o, deferredUntil: decision.sendAt } : o;
    });
}
