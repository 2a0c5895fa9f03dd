import type { InboundActivity } from "../activity-context.js";
import { baseConversationId, identityOf, isPersonal } from "../activity-context.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * The bot was added to a team, a chat or a personal scope (conversationUpdate with the bot among the
 * members added, or installationUpdate "add"): store the conversation reference for proactive sends.
 * On uninstall, the matching channels are marked inactive so the outbox stops trying them.
 */
export function registerConversationEvents({ app, deps, remember }: HandlerDeps): void {
  app.on("conversationUpdate", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity & { membersAdded?: { id: string }[] };
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
    if (botAdded || isPersonal(activity)) await remember(activity, { force: true });
  });

  app.on("installationUpdate", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity & { action?: string };
    if (activity.action === "remove" || activity.action === "remove-upgrade") {
      const externalId = isPersonal(activity)
        ? identityOf(activity).externalId
        : baseConversationId(activity.conversation.id);
      for (const channel of await deps.programmes.findChannels("teams", externalId)) {
        await deps.programmes.markChannelInactive(channel.id, "The bot was removed from this conversation in Teams.");
      }
      return;
    }
    await remember(activity, { force: true });
  });
}
