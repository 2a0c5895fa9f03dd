import type { Block, Message } from "../../messages/message.js";
import type { JoinRequest } from "../../ports/join-requests.js";
import type { Team } from "../types.js";
import { standingNote } from "./standing.js";

export const APPROVE_JOIN = "join.approve";
export const DECLINE_JOIN = "join.decline";

const PLATFORM: Record<JoinRequest["platform"], string> = { slack: "Slack", teams: "Teams", local: "Playground" };

/** The card staff channels get for a join request: who, which team, what kind of account, and two buttons. */
export function joinRequestCard(request: JoinRequest, team: Team): Message {
  return cardWith(request, team, {
    type: "actions",
    buttons: [
      { action: APPROVE_JOIN, label: "Approve", value: request.id, style: "primary" },
      { action: DECLINE_JOIN, label: "Decline", value: request.id, style: "danger" },
    ],
  });
}

/**
 * The same card once decided: the buttons give way to the decision ("Approved by Amara Okafor on …"), so
 * nobody presses again. A press on an old copy is harmless anyway (decide-join-request.ts).
 */
export function decidedJoinRequestCard(
  request: JoinRequest,
  team: Team,
  by: string | undefined,
  when: string,
): Message {
  const decision = request.status === "approved" ? "✅ Approved" : "Declined";
  const card = cardWith(request, team, {
    type: "text",
    text: [{ bold: `${decision}${by ? ` by ${by}` : ""}` }, when ? ` on ${when}.` : "."],
  });
  return { ...card, summary: `${card.summary} ${decision}${by ? ` by ${by}` : ""}.` };
}

function cardWith(request: JoinRequest, team: Team, decisionOrButtons: Block): Message {
  const note = standingNote(request);
  const account = request.external
    ? "From another organisation (Slack Connect)"
    : request.guest
      ? "Guest account"
      : "Member of the workspace (as far as the platform says)";
  return {
    summary: `${request.name} asks to join ${team.name}.`,
    blocks: [
      { type: "header", text: "Request to join a team" },
      { type: "text", text: [{ bold: request.name }, " asks to join ", { bold: team.name }, "."] },
      {
        type: "fields",
        fields: [
          {
            label: "Who",
            value: [`${request.name} (`, { code: request.externalId }, `, ${PLATFORM[request.platform]})`],
          },
          { label: "Account", value: account },
        ],
      },
      ...(note ? [{ type: "text" as const, text: note }] : []),
      decisionOrButtons,
      {
        type: "context",
        text: "Approving makes them a member of the team: they can see its status and send its monthly update. Only staff can approve.",
      },
    ],
  };
}
