import { type Message, plainText, type RichText } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import type { Actor } from "../programme/types.js";
import type { Command, CommandContext } from "./command.js";
import { privateReply } from "./reply.js";

/** `next`: the caller's team's next coaching session and next milestone. */
export const nextCommand: Command = {
  name: "next",
  usage: "next",
  summary: "your team's next coaching session and milestone",
  run: async (ctx) => privateReply(await describeNext(ctx)),
};

export async function describeNext({ deps, actor }: Pick<CommandContext, "deps" | "actor">): Promise<Message> {
  const now = deps.clock.now();
  const { programme, team } = actor;
  const teamId = team?.id;
  const [session] = await deps.programmes.listSessions(programme.id, { teamId, from: now }).then(onlyFor(actor));
  const [milestone] = await deps.programmes.listMilestones(programme.id, { teamId, from: now }).then(onlyFor(actor));
  const tz = programme.timeZone;
  const fields: { label: string; value: RichText }[] = [];
  if (session) {
    const what = `${session.title}, ${formatLocal(session.startsAt, tz)}${session.coach ? ` with ${session.coach}` : ""}`;
    // A joining link is a link on every platform (each renderer checks the URL before making it one).
    const where: RichText = session.joinUrl
      ? [" — ", { link: session.joinUrl, label: "join the meeting" }]
      : session.location
        ? [` — ${session.location}`]
        : [];
    fields.push({ label: "Next coaching session", value: [what, ...where] });
  } else fields.push({ label: "Next coaching session", value: "None scheduled." });
  fields.push({
    label: "Next milestone",
    value: milestone ? `${milestone.title}, due ${formatLocal(milestone.dueAt, tz)}` : "None ahead.",
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

/** Staff with no team see programme-wide items only, not every team's session. */
function onlyFor(actor: Actor) {
  return <T extends { teamId: string | null }>(items: T[]) =>
    actor.team ? items : items.filter((i) => i.teamId === null);
}
