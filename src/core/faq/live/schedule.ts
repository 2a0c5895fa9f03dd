import type { CoreDeps } from "../../deps.js";
import type { Block, Message } from "../../messages/message.js";
import { formatLocal } from "../../programme/local-time.js";
import type { Actor, CoachingSession } from "../../programme/types.js";

export type ScheduleItem = "session" | "workshop" | "milestone";

/**
 * The next coaching session (the team's own), workshop (programme-wide sessions) or milestone, from the
 * programme's schedule. Staff with no team see programme-wide items only.
 */
export async function describeNextItem(deps: CoreDeps, actor: Actor, item: ScheduleItem): Promise<Message> {
  const { programme, team } = actor;
  const now = deps.clock.now();
  const tz = programme.timeZone;
  const whose = team ? team.name : programme.name;
  if (item === "milestone") {
    const all = await deps.programmes.listMilestones(programme.id, { teamId: team?.id, from: now });
    const next = all.find((m) => team || m.teamId === null);
    const text = next
      ? `Next milestone for ${whose}: ${next.title}, due ${formatLocal(next.dueAt, tz)}.`
      : `No more milestones are scheduled for ${whose}.`;
    const blocks: Block[] = [{ type: "text", text }];
    if (next?.description) blocks.push({ type: "context", text: next.description });
    return { summary: text, blocks };
  }
  const sessions = await deps.programmes.listSessions(programme.id, { teamId: team?.id, from: now });
  const wanted = (s: CoachingSession) =>
    item === "workshop" ? s.teamId === null : team ? s.teamId === team.id : false;
  const next = sessions.find(wanted);
  const what = item === "workshop" ? "workshop" : "coaching session";
  if (!next) {
    const text =
      item === "session" && !team
        ? "You aren't in a team, so you have no coaching sessions of your own. Try asking about the next workshop."
        : `No more ${what}s are scheduled for ${whose}.`;
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  const when = formatLocal(next.startsAt, tz);
  const text = `Next ${what} for ${whose}: ${next.title}, ${when}${next.coach ? ` with ${next.coach}` : ""}.`;
  const blocks: Block[] = [{ type: "text", text }];
  if (next.joinUrl) blocks.push({ type: "text", text: [{ link: next.joinUrl, label: "Join link" }] });
  else if (next.location) blocks.push({ type: "context", text: `Where: ${next.location}` });
  return { summary: text, blocks };
}
