import type { CoreDeps } from "../../deps.js";
import type { Block, Message } from "../../messages/message.js";
import { describeMilestoneTime, describeSessionTime, nextOnSchedule } from "../../programme/next-on-schedule.js";
import type { Actor } from "../../programme/types.js";

export type ScheduleItem = "session" | "workshop" | "milestone";

/**
 * The next coaching session (the team's own), workshop (programme-wide sessions) or milestone: the same
 * items, worded the same, as the `next` command (programme/next-on-schedule.ts). Staff with no team see
 * programme-wide items only.
 */
export async function describeNextItem(deps: CoreDeps, actor: Actor, item: ScheduleItem): Promise<Message> {
  const { programme, team } = actor;
  const tz = programme.timeZone;
  const whose = team ? team.name : programme.name;
  const next = await nextOnSchedule(deps, actor);
  if (item === "milestone") {
    const text = next.milestone
      ? `Next milestone for ${whose}: ${describeMilestoneTime(next.milestone, tz)}.`
      : `No more milestones are scheduled for ${whose}.`;
    const blocks: Block[] = [{ type: "text", text }];
    if (next.milestone?.description) blocks.push({ type: "context", text: next.milestone.description });
    return { summary: text, blocks };
  }
  const session = item === "workshop" ? next.workshop : next.coaching;
  const what = item === "workshop" ? "workshop" : "coaching session";
  if (!session) {
    const text =
      item === "session" && !team
        ? "You aren't in a team, so you have no coaching sessions of your own. Try asking about the next workshop."
        : `No more ${what}s are scheduled for ${whose}.`;
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  const text = `Next ${what} for ${whose}: ${describeSessionTime(session, tz)}.`;
  const blocks: Block[] = [{ type: "text", text }];
  if (session.joinUrl) blocks.push({ type: "text", text: [{ link: session.joinUrl, label: "Join link" }] });
  else if (session.location) blocks.push({ type: "context", text: `Where: ${session.location}` });
  return { summary: text, blocks };
}
