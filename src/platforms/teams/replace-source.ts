import type { ActivityParams } from "@microsoft/teams.api";
import type { IActivityContext } from "@microsoft/teams.apps";
import type { Message } from "../../core/messages/message.js";
import type { Logger } from "../../core/ports/logger.js";
import type { InboundActivity } from "./activity-context.js";
import { renderTeamsActivity } from "./cards/render-message.js";

/**
 * The core asked for the message holding the pressed button to show something else (a decided join
 * request, without its buttons). A card's Action.Submit arrives with `replyToId` = that card's activity,
 * so the adapter updates it in place (PUT .../activities/{id}). Best effort: if Teams refuses (the card
 * was deleted, the bot lost access), the presser still gets the reply, and a second press says who decided.
 */
export async function replaceSourceCard(
  ctx: Pick<IActivityContext, "api">,
  activity: InboundActivity,
  message: Message,
  logger: Logger,
): Promise<void> {
  if (!activity.replyToId) return;
  try {
    await ctx.api.conversations
      .activities(activity.conversation.id)
      .update(activity.replyToId, renderTeamsActivity(message) as unknown as ActivityParams);
  } catch (err) {
    logger.warn({ err }, "could not update the card a button was pressed on");
  }
}
