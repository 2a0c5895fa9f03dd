import type { CoreDeps } from "../deps.js";
import type { DeliveryStore, NewDelivery } from "../outbox/delivery-store.js";
import { dispatchDeliveries } from "../outbox/dispatch-deliveries.js";
import type { RetryPolicy } from "../outbox/retry-policy.js";
import type { Platform } from "../programme/types.js";
import { loadPlannerInput } from "./load-planner-input.js";
import type { Occasion } from "./occasion.js";
import { dueOccasions } from "./plan-occasions.js";
import { programmeSendTiming } from "./programme-send-timing.js";
import type { ReminderFacts } from "./reminder-facts.js";
import { occasionRenderer } from "./render-occasion.js";

/** `deferred`: of the newly planned, how many came due in quiet time and wait for the next allowed time. */
export type TickResult = { planned: number; sent: number; skipped: number; failed: number; deferred: number };

export function reminderPorts(deps: CoreDeps): { deliveries: DeliveryStore; facts: ReminderFacts } {
  if (!deps.deliveries || !deps.reminderFacts)
    throw new Error("reminders need deps.deliveries and deps.reminderFacts (see src/app/build-deps.ts)");
  return { deliveries: deps.deliveries, facts: deps.reminderFacts };
}

export function toNewDelivery(o: Occasion): NewDelivery {
  return {
    key: o.key,
    programmeId: o.programmeId,
    kind: o.kind,
    teamId: o.teamId,
    target: o.target,
    occasion: o.occasion,
    scheduledFor: o.scheduledFor,
    payload: o.payload,
    ...(o.skipReason ? { status: "skipped" as const, reason: o.skipReason } : {}),
    ...(o.deferredUntil && !o.skipReason ? { nextAttemptAt: o.deferredUntil } : {}),
  };
}

/**
 * One scheduler tick: for every programme, plan what is due now, put new occasions in the outbox (once
 * each: the key is unique), then send what is due. Safe to run on several servers at once and to call
 * again at any time (the playground calls it after moving its clock).
 */
export async function runSchedulerTick({
  deps,
  now,
  workerId,
  retry,
}: {
  deps: CoreDeps;
  now?: Date;
  workerId?: string;
  retry?: RetryPolicy;
}): Promise<TickResult> {
  const at = now ?? deps.clock.now();
  const { deliveries, facts } = reminderPorts(deps);
  const platforms = Object.keys(deps.gateways) as Platform[];
  let planned = 0;
  let skippedAtPlan = 0;
  let deferred = 0;
  const programmes = await deps.programmes.listProgrammes();
  for (const programme of programmes) {
    const input = await loadPlannerInput({ deps, facts, programme, now: at, platforms });
    const due = dueOccasions(input, at);
    if (due.length === 0) continue;
    // Most due occasions are already in the outbox from an earlier tick: insert only the new ones.
    const known = await deliveries.existingKeys(due.map((o) => o.key));
    const fresh = due.filter((o) => !known.has(o.key)).map(toNewDelivery);
    const toSend = fresh.filter((d) => d.status !== "skipped");
    const insertedToSend = await deliveries.enqueue(toSend, at);
    planned += insertedToSend;
    // Another server may have inserted some first; count ours only when all went in (the common case).
    if (insertedToSend === toSend.length) deferred += toSend.filter((d) => d.nextAttemptAt).length;
    skippedAtPlan += await deliveries.enqueue(
      fresh.filter((d) => d.status === "skipped"),
      at,
    );
  }
  const sent = await dispatchDeliveries({
    deps,
    deliveries,
    render: occasionRenderer(deps, facts),
    now: at,
    workerId: workerId ?? `tick-${globalThis.crypto.randomUUID()}`,
    policy: retry,
    timing: programmeSendTiming(deps, programmes),
  });
  if (planned || sent.sent || sent.failed)
    deps.logger.info({ planned, skippedAtPlan, deferred, ...sent, at: at.toISOString() }, "scheduler tick");
  return { planned, sent: sent.sent, skipped: skippedAtPlan + sent.skipped, failed: sent.failed, deferred };
}
