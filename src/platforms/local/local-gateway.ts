import type { ChatGateway } from "../../core/ports/chat-gateway.js";
import { DeliveryError } from "../../core/ports/chat-gateway.js";
import type { Clock } from "../../core/ports/clock.js";
import { type MessageStore, personalChannel } from "./message-store.js";
import { VISITOR } from "./playground-directory.js";

/**
 * The playground's proactive sender: reminders, nudges and digests land in the in-memory channel they
 * would be posted to in Slack or Teams. A message to a user goes to that person's chat with the bot.
 */
export function createLocalGateway(options: { store: MessageStore; clock: Clock }): ChatGateway {
  return {
    platform: "local",
    // Only the playground's visitor needs a name from here (staff `add visitor …`); members have theirs.
    describeUser: async (id) => (id === VISITOR.key ? { name: "Sam Visitor", guest: false, external: false } : null),
    async send(target, message) {
      const id = target.externalId.trim();
      if (!id || id.length > 200) throw new DeliveryError("channel_not_found", { permanent: true });
      const channel = target.kind === "user" ? personalChannel(id) : id;
      const stored = options.store.add({
        channel,
        at: options.clock.now().toISOString(),
        author: { kind: "bot" },
        message,
      });
      return { messageId: `local-${stored.id}` };
    },
  };
}
