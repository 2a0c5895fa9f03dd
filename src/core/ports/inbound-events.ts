/**
 * Idempotency for inbound platform requests: Slack retries a command or submission it thinks timed out
 * (x-slack-retry-num), Teams can deliver the same activity twice. The first caller with a key wins.
 */
export type InboundEvents = {
  /** True the first time this key is seen, false on every repeat. */
  firstTime(key: string): Promise<boolean>;
};
