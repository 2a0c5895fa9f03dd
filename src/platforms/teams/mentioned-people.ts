import type { Identity } from "../../core/programme/resolve-actor.js";
import type { InboundActivity } from "./activity-context.js";

type MentionEntity = { type?: string; mentioned?: { id?: string; name?: string; aadObjectId?: string } };
type MemberLookup = (conversationId: string, userId: string) => Promise<{ aadObjectId?: string } | null>;

/**
 * The people a message mentions besides the bot, as the core knows people: by Entra object id (what the
 * programme file lists and what `identityOf` reads). A mention entity carries only the Teams user id
 * (`29:…`) unless the client adds the object id, so the conversation's roster is asked for it; a person
 * the roster cannot place keeps the Teams user id.
 */
export async function mentionedPeople(activity: InboundActivity, lookUp: MemberLookup): Promise<Identity[]> {
  const people: Identity[] = [];
  for (const entity of (activity.entities ?? []) as MentionEntity[]) {
    const who = entity.mentioned;
    if (entity.type !== "mention" || !who?.id || who.id === activity.recipient.id) continue;
    const aad = who.aadObjectId ?? (await lookUp(activity.conversation.id, who.id).catch(() => null))?.aadObjectId;
    people.push({ platform: "teams", externalId: aad ?? who.id, ...(who.name ? { displayName: who.name } : {}) });
  }
  return people;
}
