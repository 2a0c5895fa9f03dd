import type { CoreDeps } from "../../core/deps.js";
import { within } from "../reply-budget.js";

/** Keys remembered in memory: Slack's retries come within ~5 minutes; 10,000 keys is well under 1 MB. */
const REMEMBERED = 10_000;

/** true = handle it, false = a duplicate (ack and stop), null = cannot tell (database unreachable). */
export type RetryGuard = (key: string, retryNum: number | undefined) => Promise<boolean | null>;

/**
 * Exactly-once handling of Slack deliveries without a database round trip on the ack path.
 *
 * Slack marks every redelivery with x-slack-retry-num, so a delivery without it is new by definition:
 * its key is written (InboundEvent's primary key) at once, but the ack does not wait for the write.
 * A retry waits for the same write, which finds the original's key: that holds across restarts and
 * replicas. The in-memory set covers the moments before the original's write lands, and a retry that
 * overtakes its original in this process.
 */
export function createRetryGuard(deps: CoreDeps, budgetMs: number): RetryGuard {
  const seen = new Set<string>();
  return async (key, retryNum) => {
    // Only a retry can be a duplicate: a delivery without the header is handled even if its key repeats.
    if (retryNum !== undefined && seen.has(key)) return false;
    seen.add(key);
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value as string);
    const claim = deps.inbound.firstTime(key).catch((err: unknown) => {
      deps.logger.warn({ err }, "could not record a Slack delivery (database unreachable?)");
      return null;
    });
    if (retryNum === undefined) {
      void claim.then((first) => {
        if (first === false) deps.logger.warn({ key }, "a Slack delivery without a retry header was seen before");
      });
      return true;
    }
    // With the database unreachable the check would outlast Slack's 3 s: bound it, and let the next
    // retry ask again.
    const first = (await within(claim, budgetMs)) ?? null;
    if (first === null) seen.delete(key);
    return first;
  };
}
