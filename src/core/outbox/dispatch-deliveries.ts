import type { CoreDeps } from "../deps.js";
import type { Message } from "../messages/message.js";
import type { ChatTarget } from "../ports/chat-gateway.js";
import type { Channel } from "../programme/types.js";
import { alertStaffChannelInactive } from "./alert-staff.js";
import type { Delivery, DeliveryStore } from "./delivery-store.js";
import { defaultRetryPolicy, describeError, isPermanent, type RetryPolicy, retryDelayMs } from "./retry-policy.js";
import type { SendTiming } from "./send-timing.js";

export type RenderResult = { message: Message } | { skip: string };

/** Builds the message for a claimed delivery at send time (so it reflects the latest data), or says why not. */
export type DeliveryRenderer = (input: { delivery: Delivery; channel: Channel; now: Date }) => Promise<RenderResult>;

export type DispatchResult = { sent: number; skipped: number; failed: number; retried: number };

/**
 * Claims due deliveries and sends them: claim (with a lease) → render → send through the channel's
 * platform gateway → mark sent with the platform's message id. Every claimed row ends sent, skipped or
 * failed with a reason, or goes back to pending with a next attempt time. A row whose payload carries a
 * ready `message` (staff alerts) is sent as is. With `timing`, only programmes in allowed sending time are
 * served, and a retry waits for allowed time too.
 */
export async function dispatchDeliveries(input: {
  deps: CoreDeps;
  deliveries: DeliveryStore;
  render: DeliveryRenderer;
  now: Date;
  workerId: string;
  policy?: RetryPolicy;
  timing?: SendTiming;
  batchSize?: number;
  /** Upper bound on batches per call so one tick cannot run forever. */
  maxBatches?: number;
}): Promise<DispatchResult> {
  const { deliveries, now, workerId } = input;
  const policy = input.policy ?? defaultRetryPolicy;
  const result: DispatchResult = { sent: 0, skipped: 0, failed: 0, retried: 0 };
  const open = input.timing ? await input.timing.openProgrammes(now) : "all";
  if (open !== "all" && open.length === 0) return result;
  const programmeIds = open === "all" ? undefined : open;
  for (let batch = 0; batch < (input.maxBatches ?? 50); batch++) {
    const limit = input.batchSize ?? 25;
    const claimed = await deliveries.claimDue({ now, leaseMs: policy.leaseMs, workerId, limit, programmeIds });
    if (claimed.length === 0) break;
    for (const delivery of claimed) {
      const outcome = await deliverOne({ ...input, policy, delivery });
      result[outcome]++;
    }
  }
  return result;
}

type Outcome = keyof DispatchResult;

async function deliverOne(input: {
  deps: CoreDeps;
  deliveries: DeliveryStore;
  render: DeliveryRenderer;
  now: Date;
  workerId: string;
  policy: RetryPolicy;
  timing?: SendTiming;
  delivery: Delivery;
}): Promise<Outcome> {
  const { deps, deliveries, delivery, now, workerId } = input;
  const log = deps.logger.child({ deliveryId: delivery.id, key: delivery.key });
  const done = async (status: "skipped" | "failed", reason: string, error?: string): Promise<Outcome> => {
    await deliveries.markDone({ id: delivery.id, workerId, status, reason, at: now, error });
    log.info({ status, reason }, `delivery ${status}`);
    return status;
  };

  const expiresAt = (delivery.payload as { expiresAt?: string } | null)?.expiresAt;
  if (expiresAt && new Date(expiresAt) <= now) return done("skipped", "stale: no longer useful when its turn came");
  const channel = await deps.programmes.getChannel(delivery.target);
  if (!channel) return done("failed", "the target channel no longer exists");
  if (!channel.active) return done("skipped", `channel inactive: ${channel.inactiveReason ?? "marked inactive"}`);
  const gateway = deps.gateways[channel.platform];
  if (!gateway) return done("skipped", `no ${channel.platform} gateway is configured on this server`);

  try {
    const ready = (delivery.payload as { message?: Message } | null)?.message;
    const rendered = ready ? { message: ready } : await input.render({ delivery, channel, now });
    if ("skip" in rendered) return done("skipped", rendered.skip);
    const target: ChatTarget = {
      platform: channel.platform,
      kind: "channel",
      externalId: channel.externalId,
      conversationRef: channel.conversationRef ?? undefined,
    };
    // attempts counts this claim too: above 1, an earlier attempt may have posted before it could be marked.
    const sent = await gateway.send(target, rendered.message, {
      deliveryKey: delivery.key,
      mayAlreadyBeSent: delivery.attempts > 1,
      since: delivery.createdAt,
    });
    const marked = await deliveries.markSent({ id: delivery.id, workerId, at: now, messageId: sent.messageId });
    // Losing the claim here means the lease ran out mid-send: another dispatcher may have sent it too.
    if (!marked) log.warn("sent after the lease expired; the claim had moved on");
    return "sent";
  } catch (error) {
    const why = describeError(error);
    if (isPermanent(error)) {
      await deps.programmes.markChannelInactive(channel.id, why);
      await alertStaffChannelInactive({ deps, deliveries, channel, reason: why, now });
      return done("failed", `permanent: ${why}`, why);
    }
    if (delivery.attempts >= input.policy.maxAttempts) {
      return done("failed", `gave up after ${delivery.attempts} attempts: ${why}`, why);
    }
    const backOff = new Date(now.getTime() + retryDelayMs(error, delivery.attempts, input.policy));
    const nextAttemptAt = input.timing ? await input.timing.firstAllowedFrom(delivery.programmeId, backOff) : backOff;
    if (expiresAt && nextAttemptAt >= new Date(expiresAt)) {
      const when = nextAttemptAt.toISOString();
      return done("failed", `${why}; the next allowed time to try again (${when}) is too late to be useful`, why);
    }
    await deliveries.markRetry({ id: delivery.id, workerId, nextAttemptAt, error: why });
    log.warn({ err: error, attempt: delivery.attempts, nextAttemptAt }, "delivery failed; will retry");
    return "retried";
  }
}
