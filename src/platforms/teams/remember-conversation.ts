import type { CoreDeps } from "../../core/deps.js";
import { type InboundActivity, identityOf, isPersonal, referenceOf } from "./activity-context.js";

/**
 * Stores the conversation reference the gateway needs for proactive sends (reminders, digests):
 * - a personal chat becomes a "personal" Channel per membership of the user, keyed by their AAD id
 *   (the id a user-kind ChatTarget carries);
 * - a team channel refreshes the Channel rows configured in the programme file with that conversation id.
 * Conversations the programme does not know (strangers, unconfigured channels) are not stored.
 * Each conversation is written once per process; the rows are upserts, so repeats are harmless anyway.
 */
export function createConversationMemory(deps: CoreDeps) {
  const seen = new Set<string>();
  return async function remember(activity: InboundActivity, options: { force?: boolean } = {}): Promise<void> {
    if (!activity.serviceUrl) return;
    const key = `${activity.conversation.id}|${activity.from.id}|${activity.serviceUrl}`;
    if (seen.has(key) && !options.force) return;
    if (isPersonal(activity)) {
      const identity = identityOf(activity);
      const members = await deps.programmes.findMembersByIdentity("teams", identity.externalId);
      for (const member of members) {
        await deps.programmes.upsertChannel({
          programmeId: member.programmeId,
          teamId: member.teamId,
          purpose: "personal",
          platform: "teams",
          externalId: identity.externalId,
          name: `Personal chat with ${member.name}`,
          conversationRef: referenceOf(activity, { withUser: true }),
          active: true,
        });
      }
    } else {
      const ref = referenceOf(activity, { withUser: false });
      for (const channel of await deps.programmes.findChannels("teams", ref.conversation.id)) {
        await deps.programmes.upsertChannel({ ...channel, conversationRef: ref, active: true });
      }
    }
    seen.add(key);
  };
}

export type ConversationMemory = ReturnType<typeof createConversationMemory>;
