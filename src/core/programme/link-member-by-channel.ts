import type { CoreDeps } from "../deps.js";
import type { Conversation, Identity } from "./resolve-actor.js";
import type { Member } from "./types.js";

/**
 * First use by someone the bot does not know, in a channel that belongs to a team: being in the
 * team's channel is the team's say-so, so they become a member of that team. Staff are never made this
 * way (they come from the programme file), and nobody already in the channel's programme is touched.
 * Returns the new member, or null when there was nothing to link.
 */
export async function linkMemberByChannel({
  deps,
  identity,
  conversation,
}: {
  deps: Pick<CoreDeps, "programmes" | "audit">;
  identity: Identity;
  conversation?: Conversation;
}): Promise<Member | null> {
  if (conversation?.kind !== "channel" || conversation.platform !== identity.platform) return null;
  const channels = await deps.programmes.findChannels(conversation.platform, conversation.externalId);
  const channel = channels.find((c) => c.active && c.purpose === "team" && c.teamId);
  if (!channel?.teamId) return null;
  const existing = await deps.programmes.findMembersByIdentity(identity.platform, identity.externalId);
  if (existing.some((m) => m.programmeId === channel.programmeId)) return null;

  const member = await deps.programmes.ensureMember({
    programmeId: channel.programmeId,
    teamId: channel.teamId,
    key: `${identity.platform}-${identity.externalId}`.toLowerCase(),
    name: identity.displayName?.trim() || identity.externalId,
    role: "member",
  });
  await deps.programmes.linkIdentity({
    memberId: member.id,
    platform: identity.platform,
    externalId: identity.externalId,
  });
  await deps.audit.record({
    programmeId: channel.programmeId,
    actor: member.id,
    action: "member.linked-by-channel",
    subject: channel.teamId,
    details: { platform: identity.platform, externalId: identity.externalId, channel: conversation.externalId },
  });
  return member;
}
