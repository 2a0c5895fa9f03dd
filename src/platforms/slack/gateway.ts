import { WebClient } from "@slack/web-api";
import type { Message } from "../../core/messages/message.js";
import type { ChatGateway, ChatTarget, SendOptions } from "../../core/ports/chat-gateway.js";
import { DeliveryError } from "../../core/ports/chat-gateway.js";
import type { Logger } from "../../core/ports/logger.js";
import { silentLogger } from "../../core/ports/logger.js";
import type { BotIds } from "./bot-identity.js";
import { gatewayClientOptions, type SlackConfig } from "./config.js";
import { toDeliveryError } from "./delivery-error.js";
import { describeSlackUser } from "./describe-user.js";
import { DELIVERY_EVENT_TYPE, findEarlierPost } from "./find-earlier-post.js";
import { renderSlackMessage } from "./render/render-message.js";
import { boltLogger } from "./slack-logger.js";

type PostArgs = Parameters<WebClient["chat"]["postMessage"]>[0];

/**
 * Proactive sends (reminders, digests, staff alerts). A DM goes to the user id itself, which Slack
 * delivers to the user's conversation with the app (no im:write scope needed). The SDK never retries
 * here: every failure becomes a DeliveryError and the outbox decides.
 */
export function createSlackGateway(
  client: WebClient,
  logger: Logger = silentLogger,
  botIds: () => BotIds = () => ({}),
): ChatGateway {
  return {
    platform: "slack",
    describeUser: (userId) => describeSlackUser(client, userId, botIds, logger),
    async send(target: ChatTarget, message: Message, options: SendOptions = {}) {
      if (target.platform !== "slack") {
        throw new DeliveryError(`not a Slack target: ${target.platform}`, { permanent: true });
      }
      const { deliveryKey } = options;
      if (deliveryKey && options.mayAlreadyBeSent) {
        const earlier = await findEarlierPost({
          client,
          channel: target.externalId,
          deliveryKey,
          since: options.since,
          logger,
        });
        if (earlier) return { messageId: earlier };
      }
      const metadata = deliveryKey
        ? { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery_key: deliveryKey } }
        : undefined;
      const args = {
        channel: target.externalId,
        ...renderSlackMessage(message),
        unfurl_links: false,
        ...(metadata ? { metadata } : {}),
      } as PostArgs;
      try {
        const result = await client.chat.postMessage(args);
        return { messageId: result.ts ?? "" };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}

/** The WebClient for proactive sends and auth.test: no SDK retries, logs through our logger. */
export function createGatewayClient(config: SlackConfig, logger: Logger = silentLogger): WebClient {
  return new WebClient(config.botToken, { ...gatewayClientOptions(config), logger: boltLogger(logger) });
}
