import type { Clock } from "../ports/clock.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
import { chooseProgramme } from "./choose-programme.js";
import type { Actor, Platform, Programme } from "./types.js";

export type Identity = { platform: Platform; externalId: string; displayName?: string };
/**
 * The conversation a request came from (a channel, a group chat, or a personal chat with the bot).
 * `reference` is the platform's own handle for writing back later (a Teams conversation reference), kept
 * opaque: the core only hands it back to the platform's gateway.
 */
export type Conversation = {
  platform: Platform;
  externalId: string;
  kind: "channel" | "personal";
  reference?: unknown;
};

/**
 * Who is asking, as every command sees it: the programme that answers them and, when they belong to
 * it, their membership (`actor`). Someone in no programme has `actor: null`: they get what is public
 * (the FAQ, `help`, `join`), never a team's data.
 */
export type Caller = {
  programme: Programme;
  platform: Platform;
  externalId: string;
  displayName?: string;
  actor: Actor | null;
};

type Deps = { programmes: ProgrammeRepository; clock: Clock };

/**
 * Finds the member behind a platform user. Membership comes only from the programme file, a staff
 * `add`, or an approved `join` request — never from where someone speaks. A person may belong to
 * several programmes (cohort 1 staff who also run cohort 2): chooseProgramme picks one.
 */
export async function resolveActor(deps: Deps, identity: Identity, conversation?: Conversation): Promise<Actor | null> {
  const members = await deps.programmes.findMembersByIdentity(identity.platform, identity.externalId);
  if (members.length === 0) return null;
  let member = members[0];
  if (members.length > 1) {
    const programme = await chooseProgramme(deps, { among: members.map((m) => m.programmeId), conversation });
    member = members.find((m) => m.programmeId === programme?.id) ?? member;
  }
  if (!member) return null;
  const programme = await deps.programmes.getProgramme(member.programmeId);
  if (!programme) return null;
  const team = member.teamId ? await deps.programmes.getTeam(member.teamId) : null;
  return { member, programme, team, platform: identity.platform, externalId: identity.externalId };
}

/** The member, or for someone in no programme the programme whose public FAQ answers them. */
export async function resolveCaller(
  deps: Deps,
  identity: Identity,
  conversation?: Conversation,
): Promise<Caller | null> {
  const base = { platform: identity.platform, externalId: identity.externalId, displayName: identity.displayName };
  const actor = await resolveActor(deps, identity, conversation);
  if (actor) return { ...base, programme: actor.programme, actor };
  const programme = await chooseProgramme(deps, { conversation });
  return programme ? { ...base, programme, actor: null } : null;
}
