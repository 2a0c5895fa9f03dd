import type { CoreDeps } from "../../deps.js";
import type { Block, Message } from "../../messages/message.js";
import { describeSessionTime, nextOnSchedule } from "../../programme/next-on-schedule.js";
import type { Actor, Team } from "../../programme/types.js";

/** "Who is our coach?": the team's QI coach from the programme file (teams[].coach), and when they next meet. */
export async function describeCoach(deps: CoreDeps, actor: Actor & { team: Team }): Promise<Message> {
  const { team, programme } = actor;
  const coach = team.coachId ? await deps.programmes.getMember(team.coachId) : null;
  if (!coach) {
    const text = `${team.name} doesn't have a named QI coach yet. Ask the programme team who will coach you.`;
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  const blocks: Block[] = [{ type: "text", text: [`The QI coach for ${team.name} is `, { bold: coach.name }, "."] }];
  if (coach.email)
    blocks.push({ type: "text", text: ["Email: ", { link: `mailto:${coach.email}`, label: coach.email }] });
  const { coaching } = await nextOnSchedule(deps, actor);
  if (coaching) {
    blocks.push({
      type: "context",
      text: `Your next coaching session: ${describeSessionTime(coaching, programme.timeZone)}.`,
    });
  }
  return { summary: `The QI coach for ${team.name} is ${coach.name}.`, blocks };
}
