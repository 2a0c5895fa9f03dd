import type { Conversation, Identity } from "../../core/programme/resolve-actor.js";

/** A Slack user as the core knows people: by Slack user id; the name only seeds a first-use member. */
export function slackIdentity(userId: string, name?: string): Identity {
  return { platform: "slack", externalId: userId, ...(name ? { displayName: name } : {}) };
}

/** Where a request came from. Slack DM channel ids start with D; everything else is a channel or group. */
export function slackConversation(channelId: string | undefined): Conversation | undefined {
  if (!channelId) return undefined;
  return { platform: "slack", externalId: channelId, kind: channelId.startsWith("D") ? "personal" : "channel" };
}
