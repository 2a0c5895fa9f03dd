import type { CoreDeps } from "../deps.js";
import type { Delivery } from "../outbox/delivery-store.js";
import type { Programme } from "../programme/types.js";
import { loadPlannerInput } from "./load-planner-input.js";
import type { PlannerInput } from "./occasion.js";
import { dueOccasions } from "./plan-occasions.js";
import type { ReminderFacts } from "./reminder-facts.js";
import { parseReminderPolicy } from "./reminder-policy.js";
import { sendWhenAllowed } from "./send-when-allowed.js";

/**
 * One thing the scheduler would do at an instant: `send` it now, keep it `deferred` until `sendAt` (it
 * came due in quiet time), or record it `skipped` with `reason`. `source` says whether the planner would
 * add it now or it already waits in the outbox.
 */
export type DueItem = {
  key: string;
  kind: string;
  teamId: string | null;
  target: string;
  occasion: string;
  scheduledFor: Date;
  idealAt: Date;
  status: "send" | "deferred" | "skipped";
  sendAt: Date | null;
  reason: string | null;
  source: "plan" | "outbox";
};

/**
 * The dry run behind `cohort reminders due`: what a scheduler tick at `at` would really do for one
 * programme, with the same rules as the tick (catch-up window, quiet hours checked at `at` itself).
 * Nothing is stored. Occasions already in the outbox appear once, from the outbox.
 */
export async function previewDue(input: {
  deps: CoreDeps;
  facts: ReminderFacts;
  programme: Programme;
  at: Date;
  windowMs: number;
}): Promise<{ planner: PlannerInput; items: DueItem[] }> {
  const { deps, facts, programme, at } = input;
  const planner = await loadPlannerInput({ deps, facts, programme, now: at });
  const due = dueOccasions(planner, at, input.windowMs);
  const outbox = deps.deliveries ? await waitingInOutbox(deps, programme, at) : [];
  const known = deps.deliveries ? await deps.deliveries.existingKeys(due.map((o) => o.key)) : new Set<string>();
  const planned: DueItem[] = due
    .filter((o) => !known.has(o.key))
    .map((o) => ({
      key: o.key,
      kind: o.kind,
      teamId: o.teamId,
      target: o.target,
      occasion: o.occasion,
      scheduledFor: o.scheduledFor,
      idealAt: o.idealAt,
      status: o.skipReason ? "skipped" : o.deferredUntil ? "deferred" : "send",
      sendAt: o.skipReason ? null : (o.deferredUntil ?? at),
      reason: o.skipReason ?? null,
      source: "plan",
    }));
  return { planner, items: [...planned, ...outbox] };
}

/** Rows already in the outbox, pending (or claimed by a dispatcher whose lease ran out), seen at `at`. */
async function waitingInOutbox(deps: CoreDeps, programme: Programme, at: Date): Promise<DueItem[]> {
  const rows = await (deps.deliveries as NonNullable<CoreDeps["deliveries"]>).list({
    programmeId: programme.id,
    statuses: ["pending", "claimed"],
    limit: 10_000,
  });
  const rules = parseReminderPolicy(programme.settings);
  return rows
    .filter((d) => d.status === "pending" || (d.leaseUntil !== null && d.leaseUntil <= at))
    .map((d) => fromOutbox(d, at, rules, programme.timeZone));
}

function fromOutbox(d: Delivery, at: Date, rules: ReturnType<typeof parseReminderPolicy>, timeZone: string): DueItem {
  const base = {
    key: d.key,
    kind: d.kind,
    teamId: d.teamId,
    target: d.target,
    occasion: d.occasion,
    scheduledFor: d.scheduledFor,
    idealAt: d.scheduledFor,
    source: "outbox" as const,
  };
  const notBefore = d.status === "pending" ? (d.nextAttemptAt ?? d.scheduledFor) : at;
  if (notBefore > at) return { ...base, status: "deferred", sendAt: notBefore, reason: null };
  const expires = (d.payload as { expiresAt?: string } | null)?.expiresAt;
  const expiresAt = expires ? new Date(expires) : null;
  if (expiresAt && expiresAt <= at)
    return { ...base, status: "skipped", sendAt: null, reason: "stale: no longer useful when its turn came" };
  const decision = sendWhenAllowed({ now: at, expiresAt, rules, timeZone });
  if ("skip" in decision) return { ...base, status: "skipped", sendAt: null, reason: decision.skip };
  return { ...base, status: decision.deferred ? "deferred" : "send", sendAt: decision.sendAt, reason: null };
}
