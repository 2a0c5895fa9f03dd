import { type Message, plainText, type RichText } from "../messages/message.js";
import { describeMilestoneTime, describeSessionTime, nextOnSchedule } from "../programme/next-on-schedule.js";
import type { CoachingSession } from "../programme/types.js";
import type { Command, CommandContext } from "./command.js";
import { privateReply } from "./reply.js";

/** `next`: the caller's team's next coaching session, the next workshop and the next milestone. */
export const nextCommand: Command = {
  name: "next",
  usage: "next",
  summary: "your team's next coaching session, workshop and milestone",
  run: async (ctx) => privateReply(await describeNext(ctx)),
};

export async function describeNext({ deps, actor }: Pick<CommandContext, "deps" | "actor">): Promise<Message> {
  const { programme, team } = actor;
  const tz = programme.timeZone;
  const next = await nextOnSchedule(deps, actor);
  const fields: { label: string; value: RichText }[] = [];
  // Someone with no team has no coaching sessions of their own: only the programme-wide items.
  if (team)
    fields.push({
      label: "Next coaching session",
      value: next.coaching ? withPlace(next.coaching, tz) : "None scheduled.",
    });
  if (next.workshop || !team)
    fields.push({ label: "Next workshop", value: next.workshop ? withPlace(next.workshop, tz) : "None scheduled." });
  fields.push({
    label: "Next milestone",
    value: next.milestone ? describeMilestoneTime(next.milestone, tz) : "None ahead.",
  });
  const heading = team ? `Coming up for ${team.name}` : `Coming up in ${programme.name}`;
  return {
    summary: `${heading}: ${fields.map((f) => `${f.label}: ${plainText(f.value)}`).join("; ")}`,
    blocks: [
      { type: "header", text: heading },
      { type: "fields", fields },
    ],
  };
}

/** A joining link is a link on every platform (each renderer checks the URL before making it one). */
function withPlace(session: CoachingSession, tz: string): RichText {
  const what = describeSessionTime(session, tz);
  if (session.joinUrl) return [what, " — ", { link: session.joinUrl, label: "join the meeting" }];
  return session.location ? [`${what} — ${session.location}`] : [what];
}
