import type { Message } from "../../core/messages/message.js";

/** Who wrote a playground message: the bot, or a person typing in the composer. */
export type Author = { kind: "bot" } | { kind: "person"; key: string; name: string };

export type StoredMessage = {
  /** Increases across all channels, so a page can ask for "everything after id N". */
  id: number;
  channel: string;
  /** ISO time on the playground clock when it was posted. */
  at: string;
  author: Author;
  /** A person's typed line (plain text). */
  text?: string;
  /** A bot message (neutral model, rendered when read). */
  message?: Message;
  /** Set for private replies (Slack's "only visible to you"): only this member key sees it. */
  visibleTo?: string;
};

export type MessageStore = {
  add(entry: Omit<StoredMessage, "id">): StoredMessage;
  list(channel: string, options: { viewer: string; after?: number }): StoredMessage[];
  /**
   * Puts a new bot message in place of bot message `id` of `channel` (same id and place), as Slack's
   * replace_original does; null when there is no such message (gone from the bounded history, or not the bot's).
   */
  replace(channel: string, id: number, message: Message): StoredMessage | null;
  /** The id of the newest message in any channel (0 when empty). */
  lastId(): number;
};

/** Personal chats live under one id per person, so a DM to a member shows up in their "chat with the bot". */
export const personalChannel = (memberKey: string) => `dm:${memberKey}`;

/**
 * In-memory channel history, bounded: the oldest messages of a channel go first, and the least recently
 * used channel goes when there are too many. The playground is a demo, so losing history on restart is fine.
 */
export function createMessageStore(limits: { perChannel?: number; maxChannels?: number } = {}): MessageStore {
  const perChannel = limits.perChannel ?? 200;
  const maxChannels = limits.maxChannels ?? 500;
  const channels = new Map<string, StoredMessage[]>();
  let nextId = 1;
  return {
    add(entry) {
      const stored = { ...entry, id: nextId++ };
      const list = channels.get(entry.channel) ?? [];
      channels.delete(entry.channel); // re-insert: Map order doubles as recency
      list.push(stored);
      if (list.length > perChannel) list.splice(0, list.length - perChannel);
      channels.set(entry.channel, list);
      if (channels.size > maxChannels) {
        const oldest = channels.keys().next().value;
        if (oldest !== undefined) channels.delete(oldest);
      }
      return stored;
    },
    list(channel, { viewer, after = 0 }) {
      return (channels.get(channel) ?? []).filter(
        (m) => m.id > after && (m.visibleTo === undefined || m.visibleTo === viewer),
      );
    },
    replace(channel, id, message) {
      const list = channels.get(channel) ?? [];
      const index = list.findIndex((m) => m.id === id && m.author.kind === "bot");
      const current = list[index];
      if (!current) return null;
      const replaced = { ...current, message };
      list[index] = replaced;
      return replaced;
    },
    lastId: () => nextId - 1,
  };
}
