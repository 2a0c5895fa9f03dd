import type { Clock } from "../ports/clock.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
import type { Actor, Platform } from "./types.js";

export type Identity = { platform: Platform; externalId: string; displayName?: string };
/** The conversation a request came from (a channel, a group chat, or a personal chat with the bot). */
export type Conversation = { platform: Platform; externalId: string; kind: "channel" | "personal" };

/**
 * Finds the member behind a platform user. A person may belong to several programmes (cohort 1 staff
 * who also run cohort 2): prefer the programme that owns the conversation, then one running now, then
 * the newest.
 */
export async function resolveActor(
  deps: { programmes: ProgrammeRepository; clock: Clock },
  identity: Identity,
  conversation?: Conversation,
): Promise<Actor | null> {
  const members = await deps.programmes.findMembersByIdentity(identity.platform, identity.externalId);
  if (members.length === 0) return null;
  let member = members[0];
  if (members.length > 1) {
    const channelProgrammes = conversation
      ? new Set(
          (await deps.programmes.findChannels(conversation.platform, conversation.externalId)).map(
            (c) => c.programmeId,
          ),
        )
      : new Set<string>();
    const programmes = await deps.programmes.listProgrammes();
    const now = deps.clock.now().getTime();
    const running = new Set(
      programmes.filter((p) => p.startsOn.getTime() <= now && now <= p.endsOn.getTime() + 86_400_000).map((p) => p.id),
    );
    member =
      members.find((m) => channelProgrammes.has(m.programmeId)) ??
      members.find((m) => running.has(m.programmeId)) ??
      members[members.length - 1];
  }
  if (!member) return null;
  const programme = await deps.programmes.getProgramme(member.programmeId);
  if (!programme) return null;
  const team = member.teamId ? await deps.programmes.getTeam(member.teamId) : null;
  return { member, programme, team, platform: identity.platform, externalId: identity.externalId };
}
