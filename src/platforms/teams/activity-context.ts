import type { Conversation, Identity } from "../../core/programme/resolve-actor.js";

/** The parts of a Bot Framework activity the adapter reads (the SDK's types are wider than we need). */
export type InboundActivity = {
  id?: string;
  type: string;
  name?: string;
  text?: string;
  value?: unknown;
  /** For a card button (Action.Submit): the id of the activity holding the card. */
  replyToId?: string;
  serviceUrl?: string;
  channelId?: string;
  from: { id: string; name?: string; aadObjectId?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string; name?: string };
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; name?: string };
    channel?: { id?: string; name?: string };
  };
  entities?: { type?: string; mentioned?: { id?: string; name?: string; aadObjectId?: string }; text?: string }[];
};

/** What the gateway needs to post into a conversation later (stored in Channel.conversationRef). */
export type StoredConversationRef = {
  serviceUrl: string;
  channelId: "msteams";
  conversation: { id: string; conversationType?: string; tenantId?: string };
  bot: { id: string; name?: string };
  tenantId?: string;
  user?: { id: string; aadObjectId?: string; name?: string };
};

/** Members are recognised by their Entra (AAD) object id, as the programme file lists them. */
export function identityOf(activity: InboundActivity): Identity {
  return {
    platform: "teams",
    externalId: activity.from.aadObjectId ?? activity.from.id,
    displayName: activity.from.name,
  };
}

/** A channel thread's id carries ";messageid=…"; the channel itself is the part before it. */
export function baseConversationId(id: string): string {
  return id.split(";")[0] ?? id;
}

export function isPersonal(activity: InboundActivity): boolean {
  return (activity.conversation.conversationType ?? "personal") === "personal";
}

export function conversationOf(activity: InboundActivity): Conversation {
  const personal = isPersonal(activity);
  return {
    platform: "teams",
    externalId: baseConversationId(activity.conversation.id),
    kind: personal ? "personal" : "channel",
    // How to write back to this person later (a staff answer, a join decision), even if they are in no
    // programme and so have no stored personal channel.
    ...(personal && activity.serviceUrl ? { reference: referenceOf(activity, { withUser: true }) } : {}),
  };
}

export function tenantOf(activity: InboundActivity): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
}

export function referenceOf(activity: InboundActivity, options: { withUser: boolean }): StoredConversationRef {
  const tenantId = tenantOf(activity);
  return {
    serviceUrl: (activity.serviceUrl ?? "").replace(/\/+$/, ""),
    channelId: "msteams",
    conversation: {
      id: baseConversationId(activity.conversation.id),
      conversationType: activity.conversation.conversationType,
      tenantId,
    },
    bot: { id: activity.recipient.id, name: activity.recipient.name },
    tenantId,
    ...(options.withUser
      ? { user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId, name: activity.from.name } }
      : {}),
  };
}

/**
 * The command text without the bot's @mention. Teams puts `<at>Bot name</at>` in the text of channel
 * messages; only mentions of the bot (by entity) are removed, and any other tags are dropped as noise.
 */
export function commandText(activity: InboundActivity): string {
  let text = activity.text ?? "";
  for (const entity of activity.entities ?? []) {
    if (entity.type === "mention" && entity.mentioned?.id === activity.recipient.id && entity.text) {
      text = text.split(entity.text).join(" ");
    }
  }
  return text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
