import type { ActivityLike, ConversationReference } from "@microsoft/teams.api";
import type { IActivityContext } from "@microsoft/teams.apps";
import type { Reply } from "../../core/commands/reply.js";
import type { Logger } from "../../core/ports/logger.js";
import { type InboundActivity, isPersonal, tenantOf } from "./activity-context.js";
import { renderFormLauncher } from "./cards/render-form-launcher.js";
import { renderTeamsActivity } from "./cards/render-message.js";
import type { CohortTeamsApp } from "./teams-app.js";

export type ReplyTarget = {
  app: CohortTeamsApp;
  ctx: Pick<IActivityContext, "send" | "ref">;
  activity: InboundActivity;
  logger: Logger;
};

/**
 * Turns the core's Reply into what Teams shows. A message is a card; a form is a card whose button
 * opens the dialog (`request` says how to rebuild the form on task/fetch). A private reply to a channel
 * message goes to the user's 1:1 chat with the bot; if Teams will not open one (bot not installed for
 * the user, missing tenant), it falls back to the channel thread — visible to the channel, which is
 * why staff-only commands also check roles in the core rather than relying on privacy.
 */
export async function sendReply(target: ReplyTarget, reply: Reply, request: Record<string, string>): Promise<void> {
  const activity =
    reply.type === "form"
      ? cardActivity(renderFormLauncher(reply.view, request))
      : (renderTeamsActivity(reply.message) as unknown as ActivityLike);
  const privateInChannel = reply.type === "form" || reply.visibility === "private";
  if (privateInChannel && !isPersonal(target.activity)) {
    const ref = await personalRef(target);
    if (ref) {
      await target.ctx.send(activity, ref);
      return;
    }
  }
  await target.ctx.send(activity);
}

function cardActivity(content: Record<string, unknown>): ActivityLike {
  return {
    type: "message",
    text: "",
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content }],
  } as unknown as ActivityLike;
}

async function personalRef({ app, ctx, activity, logger }: ReplyTarget): Promise<ConversationReference | null> {
  try {
    const id = await app.createPersonalConversation({
      serviceUrl: ctx.ref.serviceUrl,
      botId: activity.recipient.id,
      userId: activity.from.id,
      tenantId: tenantOf(activity),
    });
    return {
      ...ctx.ref,
      conversation: { id, conversationType: "personal", tenantId: tenantOf(activity) },
    } as ConversationReference;
  } catch (error) {
    logger.warn({ err: error }, "could not open a 1:1 chat for a private reply; replying in the thread");
    return null;
  }
}
