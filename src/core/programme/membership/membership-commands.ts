import type { ActionHandler, Command } from "../../commands/command.js";
import { privateReply, type Reply } from "../../commands/reply.js";
import { AppError } from "../../errors.js";
import { replyTarget } from "../../faq/ask-command.js";
import { type Message, textMessage } from "../../messages/message.js";
import { addToTeam } from "./add-to-team.js";
import { decideJoinRequest } from "./decide-join-request.js";
import { findTeam, teamNames } from "./find-team.js";
import { APPROVE_JOIN, DECLINE_JOIN } from "./join-request-card.js";
import { addedInChat, personFromArgs } from "./person-ref.js";
import { removeFromProgramme } from "./remove-from-programme.js";
import { requestToJoin } from "./request-to-join.js";
import { lookUpStanding, standingNote } from "./standing.js";

const ADD_USAGE = "Use `add` with the person (mention them) and the team, e.g. `add @Sam Croydon`.";
const REMOVE_USAGE = "Use `remove` with the person (mention them), e.g. `remove @Sam`.";

/** `join <team>`: someone in no team asks staff to add them. Open to everyone; staff decide. */
export const joinCommand: Command = {
  name: "join",
  usage: "join <team>",
  summary: "ask the programme team to add you to your team",
  audience: "everyone",
  async run(ctx) {
    const { deps, caller, args } = ctx;
    const programmeId = caller.programme.id;
    const actor = caller.actor;
    if (actor?.team)
      return privateReply(textMessage(`You're already in ${actor.team.name}. To change team, ask the programme team.`));
    if (actor && actor.member.role !== "member")
      return privateReply(textMessage("You're programme staff or a coach, so you don't join a team this way."));
    if (!args.trim())
      return privateReply(
        textMessage(`Which team? Type \`join\` followed by its name. Teams: ${await teamNames(deps, programmeId)}.`),
      );
    const team = await findTeam(deps, programmeId, args);
    if (!team)
      throw new AppError(
        "not_found",
        `I can't find one team called “${args.trim()}”. Teams: ${await teamNames(deps, programmeId)}.`,
      );
    const result = await requestToJoin({ deps, caller, team, replyTo: await replyTarget(ctx) });
    if (result.kind === "already-pending")
      return privateReply(
        textMessage(
          `You've already asked to join ${result.team?.name ?? "a team"}; the programme team will get back to you here.`,
        ),
      );
    const unreached =
      result.staffChannelsReached === 0
        ? " I couldn't reach the programme team's channel, so please contact them too."
        : "";
    return privateReply(
      textMessage(
        `I've asked the programme team to add you to ${team.name}. I'll tell you here when they decide.${unreached}`,
      ),
    );
  },
};

/** `add @person <team>` (staff): makes someone a member of a team, or moves them. */
export const addCommand: Command = {
  name: "add",
  usage: "add <@person> <team>",
  summary: "add someone to a team (or move them to another)",
  staffOnly: true,
  async run({ deps, actor, args, mentions }) {
    const { person, rest } = personFromArgs(args, mentions, actor.platform, ADD_USAGE);
    if (!rest.trim()) throw new AppError("invalid_input", ADD_USAGE);
    const team = await findTeam(deps, actor.programme.id, rest);
    if (!team)
      throw new AppError(
        "not_found",
        `I can't find one team called “${rest.trim()}”. Teams: ${await teamNames(deps, actor.programme.id)}.`,
      );
    const standing = await lookUpStanding(deps, person);
    const name = person.displayName || standing?.name || person.externalId;
    const { member, moved } = await addToTeam({
      deps,
      programme: actor.programme,
      team,
      person,
      name,
      by: actor.member.id,
      via: "staff-command",
      standing,
    });
    const note = standingNote(standing);
    const text = `${moved ? "Moved" : "Added"} ${member.name} to ${team.name}.${note ? ` ${note} You added them yourself, so they are now a member.` : ""}`;
    return privateReply(textMessage(text));
  },
};

/** `remove @person` (staff): the person stops being a member of the programme. */
export const removeCommand: Command = {
  name: "remove",
  usage: "remove <@person>",
  summary: "remove someone from their team and the programme",
  staffOnly: true,
  async run({ deps, actor, args, mentions }) {
    const { person } = personFromArgs(args, mentions, actor.platform, REMOVE_USAGE);
    const { member, teamName } = await removeFromProgramme({
      deps,
      programme: actor.programme,
      person,
      by: actor.member.id,
    });
    const fromFile = addedInChat(member.key)
      ? ""
      : " They are listed in the programme file: remove them there too, or the next import adds them back.";
    return privateReply(textMessage(`Removed ${member.name}${teamName ? ` from ${teamName}` : ""}.${fromFile}`));
  },
};

export const approveJoinAction: ActionHandler = {
  action: APPROVE_JOIN,
  staffOnly: true,
  run: async ({ deps, actor, value }) =>
    decisionReply(await decideJoinRequest({ deps, actor, requestId: value, approve: true })),
};

export const declineJoinAction: ActionHandler = {
  action: DECLINE_JOIN,
  staffOnly: true,
  run: async ({ deps, actor, value }) =>
    decisionReply(await decideJoinRequest({ deps, actor, requestId: value, approve: false })),
};

/** The decision to the presser, and the card it was pressed on shows it in place of its buttons. */
function decisionReply({ message, card }: { message: Message; card: Message }): Reply {
  return { type: "message", message, visibility: "private", replaceSource: card };
}
