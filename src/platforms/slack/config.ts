import type { WebClientOptions } from "@slack/web-api";
import type { Env } from "../../config/env.js";

/** How this deployment talks to Slack, decided once from the environment. */
export type SlackConfig = {
  /** "socket" when SLACK_APP_TOKEN is set (no public URL needed), else "http" on POST /slack/events. */
  mode: "http" | "socket";
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Web API base; Slack's own unless SLACK_API_URL says otherwise (GovSlack, tests). */
  apiUrl?: string;
};

export function slackConfig(env: Env): SlackConfig {
  if (!env.SLACK_BOT_TOKEN) throw new Error("Slack needs SLACK_BOT_TOKEN");
  const mode = env.SLACK_APP_TOKEN ? "socket" : "http";
  if (mode === "http" && !env.SLACK_SIGNING_SECRET) throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET");
  return {
    mode,
    botToken: env.SLACK_BOT_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    apiUrl: env.SLACK_API_URL,
  };
}

/**
 * Web API calls made while a user waits (views.open, respond, views.publish): one quick retry at
 * most. The SDK's default policy retries 5xx for about half an hour, and sleeps through 429s.
 */
export function interactiveClientOptions(config: SlackConfig): WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 },
    timeout: 5_000,
    rejectRateLimitedCalls: true,
  };
}

/** Proactive sends: no SDK retries at all, so the outbox decides when to try again. */
export function gatewayClientOptions(config: SlackConfig): WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    rejectRateLimitedCalls: true,
  };
}
