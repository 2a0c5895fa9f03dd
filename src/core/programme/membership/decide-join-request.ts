import type { CoreDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { type Message, textMessage } from "../../messages/message.js";
import { DeliveryError } from "../../ports/chat-gateway.js";
import type { JoinRequest } from "../../ports/join-requests.js";
import { formatLocal } from "../local-time.js";
import type { Actor, Team } from "../types.js";
import { addToTeam } from "./add-to-team.js";
import { decidedJoinRequestCard } from "./join-request-card.js";
import { standingNote } from "./standing.js";

/**
 * Staff press Approve or Decline on a join request. The decision lands once (a second press, or a
 * colleague's, is told who decided); approval makes the person a member of the team; the person is
 * told either way, where they asked. Audited.
 */
export async function decideJoinRequest(input: {
  deps: CoreDeps;
  actor: Actor;
  requestId: string;
  approve: boolean;
}): Promise<{ message: Message; card: Message }> {
  const { deps, actor } = input;
  const request = input.requestId ? await deps.joinRequests.get(input.requestId) : null;
  if (!request || request.programmeId !== actor.programme.id)
    throw new AppError("not_found", "That join request no longer exists.");
  const team = await deps.programmes.getTeam(request.teamId);
  if (!team) throw new AppError("not_found", "The team in that request no longer exists.");
  if (request.status !== "pending") return alreadyDecided(deps, actor, request, team);
  const now = deps.clock.now();
  const claimed = await deps.joinRequests.decide(request.id, {
    status: input.approve ? "approved" : "declined",
    decidedById: actor.member.id,
    decidedAt: now,
  });
  if (!claimed) return alreadyDecided(deps, actor, (await deps.joinRequests.get(request.id)) ?? request, team);
  const decided: JoinRequest = {
    ...request,
    status: input.approve ? "approved" : "declined",
    decidedById: actor.member.id,
    decidedAt: now,
  };
  const card = decidedJoinRequestCard(decided, team, actor.member.name, formatLocal(now, actor.programme.timeZone));

  const person = { platform: request.platform, externalId: request.externalId };
  if (!input.approve) {
    await deps.audit.record({
      programmeId: request.programmeId,
      actor: actor.member.id,
      action: "member.join-declined",
      subject: request.id,
      details: { team: team.key, ...person },
    });
    const told = await tell(
      deps,
      request,
      `The programme team didn't add you to ${team.name}. If you think that's a mistake, please contact them directly. You can still ask me questions about the programme.`,
    );
    return { message: textMessage(`Declined ${request.name}'s request to join ${team.name}.${told}`), card };
  }
  const { moved } = await addToTeam({
    deps,
    programme: actor.programme,
    team,
    person,
    name: request.name,
    by: actor.member.id,
    via: "join-request",
    standing: request,
  });
  const told = await tell(
    deps,
    request,
    `The programme team added you to ${team.name}. Type \`help\` to see what you can do now.`,
  );
  const note = standingNote(request);
  const lines = [`${moved ? "Moved" : "Added"} ${request.name} to ${team.name}.${told}`];
  if (note) lines.push(`${note} You approved this one, so they are now a member of ${team.name}.`);
  return {
    message: { summary: lines.join(" "), blocks: lines.map((text) => ({ type: "text" as const, text })) },
    card,
  };
}

/** A second press (or a colleague's): says who decided, and the card shows the decision too. */
async function alreadyDecided(
  deps: CoreDeps,
  actor: Actor,
  request: JoinRequest,
  team: Team,
): Promise<{ message: Message; card: Message }> {
  const by = request.decidedById ? (await deps.programmes.getMember(request.decidedById))?.name : undefined;
  const when = request.decidedAt ? formatLocal(request.decidedAt, actor.programme.timeZone) : "";
  const text = `That request was already ${request.status}${by ? ` by ${by}` : ""}${when ? ` on ${when}` : ""}.`;
  return { message: textMessage(text), card: decidedJoinRequestCard(request, team, by, when) };
}

/** Tells the person the outcome; returns a note for staff when that failed. */
async function tell(deps: CoreDeps, request: JoinRequest, text: string): Promise<string> {
  const gateway = deps.gateways[request.platform];
  const target = request.replyTo ?? {
    platform: request.platform,
    kind: "user" as const,
    externalId: request.externalId,
  };
  if (!gateway) return ` (${request.platform} is not connected, so I couldn't tell them: please let them know.)`;
  try {
    await gateway.send(target, textMessage(text));
    return " I've told them.";
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.reason : "the message could not be sent";
    deps.logger.warn({ err: error, requestId: request.id }, "could not tell someone about their join request");
    return ` I couldn't tell them (${reason}): please let them know.`;
  }
}
