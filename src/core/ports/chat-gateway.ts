import type { Message } from "../messages/message.js";
import type { Platform } from "../programme/types.js";

/** Where a proactive message goes: a channel/conversation, or a direct message to a user. */
export type ChatTarget = {
  platform: Platform;
  kind: "channel" | "user";
  /** Slack channel id / user id; Teams conversation id / AAD object id; playground channel id. */
  externalId: string;
  /** Teams needs the stored conversation reference (serviceUrl, tenant) to send proactively. */
  conversationRef?: unknown;
};

export type SendResult = { messageId: string };

/**
 * Why a send failed, as the outbox needs to know it: retry later (rate limit, 5xx, network) or give up
 * (channel gone, bot removed) and tell staff.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs?: number;
  readonly reason: string;

  constructor(reason: string, options: { permanent: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(reason, { cause: options.cause });
    this.name = "DeliveryError";
    this.reason = reason;
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** What the outbox tells a gateway about a send, so a platform that can find its own earlier posts avoids a duplicate. */
export type SendOptions = {
  /** The outbox's unique occasion key; gateways that can, tag the posted message with it. */
  deliveryKey?: string;
  /**
   * An earlier attempt may have reached the platform without being confirmed (the process died, or the
   * request timed out, after the platform accepted it). A gateway that can look up its own recent posts
   * checks for one tagged with `deliveryKey` first and returns it instead of posting again.
   */
  mayAlreadyBeSent?: boolean;
  /** The earliest time an earlier attempt could have posted (bounds the look-up). */
  since?: Date;
};

/**
 * What a platform says about a user account. Guests and people from another organisation (Slack Connect)
 * are shown as such to staff deciding whether to add them.
 */
export type UserStanding = { name?: string; guest: boolean; external: boolean };

/** Sends neutral messages to one platform. Implementations render and escape; they throw DeliveryError on failure. */
export type ChatGateway = {
  platform: Platform;
  send(target: ChatTarget, message: Message, options?: SendOptions): Promise<SendResult>;
  /** Looks a user up on the platform (Slack users.info); null when the platform cannot say. Never throws. */
  describeUser?(externalId: string): Promise<UserStanding | null>;
};

/** The gateways configured in this deployment, by platform. */
export type Gateways = Partial<Record<Platform, ChatGateway>>;
