import type { ActivityLike, ConversationReference } from "@microsoft/teams.api";
import type { IActivityContext } from "@microsoft/teams.apps";
import type { Reply } from "../../core/commands/reply.js";
import { textMessage } from "../../core/messages/message.js";
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
 * Turns the core's Reply into what Teams shows. A message is a card; a form is a card whose buttons
 * open the dialog or the form in a card (`request` says how to rebuild the form). A private reply to a
 * channel or group chat message goes to the user's 1:1 chat with the bot, and a one-line note saying so
 * goes to where they asked — the thread (`ctx.send` answers in the activity's conversation, which for a
 * channel post is its thread), so the person who asked sees an answer where they asked. If Teams will
 * not open a 1:1 chat (bot not installed for the user, missing tenant), the reply itself goes to the
 * thread — visible to the channel, which is why staff-only commands also check roles in the core rather
 * than relying on privacy.
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
      await target.ctx.send(renderTeamsActivity(repliedPrivately(target.activity)) as unknown as ActivityLike);
      return;
    }
  }
  await target.ctx.send(activity);
}

function repliedPrivately(activity: InboundActivity) {
  const name = activity.from.name?.split(" ")[0];
  return textMessage(`${name ? `${name}, I've` : "I've"} answered you in our 1:1 chat.`);
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
