import { DeliveryError } from "../ports/chat-gateway.js";

/** Tunables of the dispatcher; the defaults suit a one-minute tick. */
export type RetryPolicy = {
  /** How long a claim is held before another dispatcher may take the row (must exceed a send's timeout). */
  leaseMs: number;
  /** Attempts before a transient failure becomes a permanent "failed". */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
  leaseMs: 5 * 60_000,
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
};

/**
 * When to try again after attempt number `attempt` (1-based) failed: the platform's Retry-After when it
 * gave one (429), otherwise exponential backoff (30 s, 1 min, 2 min … capped at 30 min).
 */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy = defaultRetryPolicy): number {
  if (error instanceof DeliveryError && error.retryAfterMs !== undefined && error.retryAfterMs >= 0) {
    return Math.min(error.retryAfterMs, policy.maxDelayMs * 4);
  }
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

export function isPermanent(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError && error.permanent;
}

export function describeError(error: unknown): string {
  if (error instanceof DeliveryError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
