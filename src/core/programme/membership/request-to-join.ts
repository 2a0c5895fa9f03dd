import type { CoreDeps } from "../../deps.js";
import type { ChatTarget } from "../../ports/chat-gateway.js";
import type { JoinRequest } from "../../ports/join-requests.js";
import type { Caller } from "../resolve-actor.js";
import type { Team } from "../types.js";
import { joinRequestCard } from "./join-request-card.js";
import { lookUpStanding } from "./standing.js";

export type JoinRequested =
  | { kind: "requested"; request: JoinRequest; staffChannelsReached: number }
  | { kind: "already-pending"; request: JoinRequest; team: Team | null };

/**
 * `join <team>` by someone in no team: records the request (one pending request per person) and posts a
 * card with Approve / Decline buttons to each of the programme's staff channels. Sent straight away,
 * not through the outbox: the person is waiting to hear that staff have it.
 */
export async function requestToJoin(input: {
  deps: CoreDeps;
  caller: Caller;
  team: Team;
  replyTo: ChatTarget | null;
}): Promise<JoinRequested> {
  const { deps, caller, team } = input;
  const programmeId = caller.programme.id;
  const pending = await deps.joinRequests.findPending(programmeId, caller.platform, caller.externalId);
  if (pending)
    return { kind: "already-pending", request: pending, team: await deps.programmes.getTeam(pending.teamId) };

  const person = { platform: caller.platform, externalId: caller.externalId };
  const standing = await lookUpStanding(deps, person);
  const request = await deps.joinRequests.create({
    programmeId,
    teamId: team.id,
    ...person,
    name: (caller.displayName || standing?.name || caller.externalId).slice(0, 120),
    guest: standing?.guest ?? false,
    external: standing?.external ?? false,
    replyTo: input.replyTo,
    createdAt: deps.clock.now(),
  });
  await deps.audit.record({
    programmeId,
    actor: `${caller.platform}:${caller.externalId}`,
    action: "member.join-requested",
    subject: request.id,
    details: { team: team.key, guest: request.guest, external: request.external },
  });
  const card = joinRequestCard(request, team);
  const staffChannels = (await deps.programmes.listChannels(programmeId, { purpose: "staff" })).filter(
    (c) => c.active && deps.gateways[c.platform],
  );
  let reached = 0;
  for (const channel of staffChannels) {
    try {
      await deps.gateways[channel.platform]?.send(
        {
          platform: channel.platform,
          kind: "channel",
          externalId: channel.externalId,
          ...(channel.conversationRef ? { conversationRef: channel.conversationRef } : {}),
        },
        card,
      );
      reached++;
    } catch (error) {
      deps.logger.warn({ err: error, channelId: channel.id }, "could not post a join request to a staff channel");
    }
  }
  return { kind: "requested", request, staffChannelsReached: reached };
}
