import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../core/ports/logger.js";
import type { BotIds } from "./bot-identity.js";
import { interactiveClientOptions, type SlackConfig } from "./config.js";
import { boltLogger } from "./slack-logger.js";

export type SlackApp = { app: App; http?: HTTPReceiver; socket?: SocketModeReceiver };

/**
 * The Bolt app, on one of two receivers. Over HTTP we never call `receiver.start()`: its request
 * listener is mounted on our own server at POST /slack/events, and it verifies Slack's signature
 * (bad, missing or >5-minute-old → 401) before anything reaches a listener. In Socket Mode Bolt holds
 * a WebSocket to Slack instead. `authorize` hands out the single bot token without Bolt's start-up
 * auth.test call (see bot-identity.ts).
 */
export function createSlackApp(options: { config: SlackConfig; logger: Logger; botIds: () => BotIds }): SlackApp {
  const { config } = options;
  const logger = boltLogger(options.logger);
  const http =
    config.mode === "http"
      ? new HTTPReceiver({
          signingSecret: config.signingSecret ?? "",
          endpoints: "/slack/events",
          logger,
          // The HTTP response goes out when a listener calls ack(); listeners ack within Slack's 3 s.
          processBeforeResponse: false,
          unhandledRequestTimeoutMillis: 3_001,
          // Bolt's default answers 500 when its router throws on a signed body; http-route.ts refuses
          // those shapes first, and whatever still gets here is a bad request, not a server fault.
          processEventErrorHandler: async ({ error, response }) => {
            options.logger.error({ err: error }, "Bolt could not route a signed Slack request (400)");
            if (response.headersSent) return false;
            response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
            response.end("Bad request: this Slack request could not be processed\n");
            return true;
          },
        })
      : undefined;
  const socket =
    config.mode === "socket" ? new SocketModeReceiver({ appToken: config.appToken ?? "", logger }) : undefined;
  const app = new App({
    receiver: http ?? socket,
    logger,
    clientOptions: interactiveClientOptions(config),
    authorize: async () => ({ botToken: config.botToken, ...options.botIds() }),
  });
  return { app, http, socket };
}
