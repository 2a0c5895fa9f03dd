import type { Message } from "../../src/core/messages/message.js";
import { type ChatGateway, type ChatTarget, DeliveryError } from "../../src/core/ports/chat-gateway.js";
import type { Platform } from "../../src/core/programme/types.js";

export type FakeFailure =
  | { kind: "429"; retryAfterMs?: number }
  | { kind: "500" }
  | { kind: "network" }
  | { kind: "permanent"; reason?: string };

export type FakeGateway = ChatGateway & {
  /** Every accepted message, in order. */
  sent: { target: ChatTarget; message: Message; messageId: string }[];
  /** Every call, accepted or not. */
  calls: number;
  /** Fail the next `times` sends (to one channel external id, or to any) with this error. */
  failNext(failure: FakeFailure, options?: { times?: number; externalId?: string }): void;
  /** Milliseconds each send takes (to widen race windows in concurrency tests). */
  latencyMs: number;
  sentTo(externalId: string): { message: Message; messageId: string }[];
};

/** A recording ChatGateway that fails on request the way the real Slack/Teams gateways do. */
export function createFakeGateway(platform: Platform = "slack"): FakeGateway {
  const queue: { failure: FakeFailure; left: number; externalId?: string }[] = [];
  const gateway: FakeGateway = {
    platform,
    sent: [],
    calls: 0,
    latencyMs: 0,
    failNext(failure, options = {}) {
      queue.push({ failure, left: options.times ?? 1, externalId: options.externalId });
    },
    sentTo(externalId) {
      return gateway.sent.filter((s) => s.target.externalId === externalId);
    },
    async send(target, message) {
      gateway.calls++;
      if (gateway.latencyMs) await new Promise((r) => setTimeout(r, gateway.latencyMs));
      const rule = queue.find((q) => q.left > 0 && (!q.externalId || q.externalId === target.externalId));
      if (rule) {
        rule.left--;
        throw toError(rule.failure);
      }
      const messageId = `${platform}-msg-${gateway.sent.length + 1}`;
      gateway.sent.push({ target, message, messageId });
      return { messageId };
    },
  };
  return gateway;
}

function toError(failure: FakeFailure): DeliveryError {
  switch (failure.kind) {
    case "429":
      return new DeliveryError("rate limited (429)", { permanent: false, retryAfterMs: failure.retryAfterMs });
    case "500":
      return new DeliveryError("platform error (500)", { permanent: false });
    case "network":
      return new DeliveryError("network error (ECONNRESET)", { permanent: false });
    case "permanent":
      return new DeliveryError(failure.reason ?? "channel_not_found", { permanent: true });
  }
}
