import type { CoreDeps } from "../../deps.js";
import type { Message } from "../../messages/message.js";
import { formatLocal } from "../../programme/local-time.js";
import type { Actor, Team } from "../../programme/types.js";
import { monthLabel, pickCurrentCycle } from "../../updates/cycles.js";

/** "What's due and when?": this month's update (and whether it is in) and the next milestones. */
export async function describeDue(deps: CoreDeps, actor: Actor & { team: Team }): Promise<Message> {
  const { programme, team } = actor;
  const now = deps.clock.now();
  const tz = programme.timeZone;
  const cycles = await deps.programmes.listCycles(programme.id);
  const current = pickCurrentCycle(cycles, now);
  const upcoming = cycles.filter((c) => c.opensAt > now).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
  const items: string[] = [];
  if (current) {
    const update = await deps.updates.get(team.id, current.id);
    const state =
      update?.status === "submitted" ? "submitted ✅" : update ? "a draft, not submitted yet" : "not started";
    items.push(`${monthLabel(current.month)} update: due ${formatLocal(current.dueAt, tz)} (${state}).`);
  }
  if (upcoming && upcoming !== current) {
    items.push(
      `${monthLabel(upcoming.month)} update: opens ${formatLocal(upcoming.opensAt, tz)}, due ${formatLocal(upcoming.dueAt, tz)}.`,
    );
  }
  const milestones = await deps.programmes.listMilestones(programme.id, { teamId: team.id, from: now });
  for (const m of milestones.slice(0, 2)) items.push(`${m.title}: due ${formatLocal(m.dueAt, tz)}.`);
  if (items.length === 0) {
    const text = `Nothing more is due for ${team.name}.`;
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  return {
    summary: `Due for ${team.name}: ${items.join(" ")}`,
    blocks: [
      { type: "text", text: [{ bold: `Due for ${team.name}` }] },
      { type: "list", items },
    ],
  };
}
