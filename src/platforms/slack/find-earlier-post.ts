import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../core/ports/logger.js";

/** Message metadata type the bot tags its outbox posts with (Slack message metadata). */
export const DELIVERY_EVENT_TYPE = "cohort_bot_delivery";

type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: { delivery_key?: string } } };

/**
 * Looks for a post of ours carrying this delivery key in the channel's recent history, so a retry after
 * an unconfirmed attempt (crash or timeout after Slack accepted the message) does not post it twice.
 * Needs the channels:history / groups:history scopes; without them (or on any error) it returns null and
 * the caller posts — at-least-once rather than never.
 */
export async function findEarlierPost(input: {
  client: WebClient;
  channel: string;
  deliveryKey: string;
  since?: Date;
  logger: Logger;
}): Promise<string | null> {
  try {
    const oldest = input.since ? String(Math.floor(input.since.getTime() / 1000) - 60) : undefined;
    const result = await input.client.conversations.history({
      channel: input.channel,
      oldest,
      limit: 200,
      include_all_metadata: true,
    });
    const messages = (result.messages ?? []) as HistoryMessage[];
    const match = messages.find(
      (m) =>
        m.metadata?.event_type === DELIVERY_EVENT_TYPE && m.metadata.event_payload?.delivery_key === input.deliveryKey,
    );
    return match?.ts ?? null;
  } catch (error) {
    input.logger.warn({ err: error, channel: input.channel }, "could not check for an earlier post; sending again");
    return null;
  }
}
