import type { Message } from "../messages/message.js";

/**
 * What someone in no team is told when they use something that needs one. It names no team and shows
 * nothing of any team's data: the caller may be standing in a team's channel without belonging to it.
 */
export function notMemberText(): string {
  return "I don't know which team you're in yet, so I can't help with that. Ask the programme team to add you, or type `join` followed by your team's name and they'll approve it. You can still ask me questions about the programme.";
}

export function notMemberMessage(): Message {
  return { summary: notMemberText(), blocks: [{ type: "text", text: notMemberText() }] };
}

/** For someone the bot knows nothing about (no programme at all yet): what it does. */
export function strangerHelp(): Message {
  return {
    summary: `I'm Cohort Bot. ${notMemberText()}`,
    blocks: [
      {
        type: "text",
        text: "I'm Cohort Bot: I answer programme questions (`ask`), remind teams of coaching sessions and milestones, and collect each team's monthly progress `update`.",
      },
      { type: "text", text: notMemberText() },
    ],
  };
}
