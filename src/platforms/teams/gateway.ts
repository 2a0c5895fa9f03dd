import type { ActivityParams, ConversationReference } from "@microsoft/teams.api";
import type { CoreDeps } from "../../core/deps.js";
import { type ChatGateway, type ChatTarget, DeliveryError } from "../../core/ports/chat-gateway.js";
import type { StoredConversationRef } from "./activity-context.js";
import { renderTeamsActivity } from "./cards/render-message.js";
import { toDeliveryError } from "./delivery-error.js";
import type { CohortTeamsApp } from "./teams-app.js";

/**
 * Proactive sends (reminders, digests) through the SDK to a stored conversation reference. The target's
 * own reference wins; otherwise the Channel row recorded when the bot was installed or first spoken to.
 * A team channel the bot never heard from can still be posted to with the default service URL (Teams
 * accepts a post to a channel's conversation id once the app is installed in the team); a person can
 * only be messaged after they have chatted with the bot or installed it.
 */
export function createTeamsGateway(input: {
  app: CohortTeamsApp;
  deps: CoreDeps;
  defaultServiceUrl: string;
}): ChatGateway {
  const { app, deps } = input;
  return {
    platform: "teams",
    async send(target: ChatTarget, message) {
      const ref = await referenceFor(target);
      try {
        const sent = await app.sendToReference(ref, renderTeamsActivity(message) as unknown as ActivityParams);
        return { messageId: sent.id ?? "" };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };

  async function referenceFor(target: ChatTarget): Promise<ConversationReference> {
    const stored =
      asStoredRef(target.conversationRef) ??
      (await deps.programmes.findChannels("teams", target.externalId))
        .map((c) => asStoredRef(c.conversationRef))
        .find((r) => r !== null) ??
      null;
    if (!stored && target.kind === "user") {
      throw new DeliveryError("no Teams chat with this person yet: they need to message the bot or install the app", {
        permanent: true,
      });
    }
    const botId = stored?.bot.id || app.id || "";
    return {
      serviceUrl: stored?.serviceUrl || input.defaultServiceUrl,
      channelId: "msteams",
      bot: { id: botId, name: stored?.bot.name ?? "", role: "bot" },
      conversation: {
        id: stored?.conversation.id ?? target.externalId,
        conversationType: stored?.conversation.conversationType ?? "channel",
        tenantId: stored?.tenantId,
      },
    } as ConversationReference;
  }
}

function asStoredRef(value: unknown): StoredConversationRef | null {
  if (!value || typeof value !== "object") return null;
  const ref = value as Partial<StoredConversationRef>;
  if (typeof ref.serviceUrl !== "string" || !ref.serviceUrl || typeof ref.conversation?.id !== "string") return null;
  return { ...ref, bot: ref.bot ?? { id: "" } } as StoredConversationRef;
}
