import { WebClient } from "@slack/web-api";
import type { Message } from "../../core/messages/message.js";
import type { ChatGateway, ChatTarget } from "../../core/ports/chat-gateway.js";
import { DeliveryError } from "../../core/ports/chat-gateway.js";
import type { Logger } from "../../core/ports/logger.js";
import { silentLogger } from "../../core/ports/logger.js";
import { gatewayClientOptions, type SlackConfig } from "./config.js";
import { toDeliveryError } from "./delivery-error.js";
import { renderSlackMessage } from "./render/render-message.js";
import { boltLogger } from "./slack-logger.js";

type PostArgs = Parameters<WebClient["chat"]["postMessage"]>[0];

/**
 * Proactive sends (reminders, digests, staff alerts). A DM goes to the user id itself, which Slack
 * delivers to the user's conversation with the app (no im:write scope needed). The SDK never retries
 * here: every failure becomes a DeliveryError and the outbox decides.
 */
export function createSlackGateway(client: WebClient): ChatGateway {
  return {
    platform: "slack",
    async send(target: ChatTarget, message: Message) {
      if (target.platform !== "slack") {
        throw new DeliveryError(`not a Slack target: ${target.platform}`, { permanent: true });
      }
      const args = { channel: target.externalId, ...renderSlackMessage(message), unfurl_links: false } as PostArgs;
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
