import { describeNext } from "../commands/next.js";
import type { CoreDeps } from "../deps.js";
import type { Block, Message } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { type Actor, cycleLocksAt, isStaff, type ReportingCycle } from "../programme/types.js";

/**
 * The bot's home screen (Slack App Home; other platforms may reuse it): a member sees their team,
 * what is coming up and this month's update; staff see the cohort at a glance. Neutral blocks only,
 * so the wording is the same wherever it is shown.
 */
export async function buildHome({ deps, actor }: { deps: CoreDeps; actor: Actor }): Promise<Message> {
  const now = deps.clock.now();
  const { programme } = actor;
  const cycle = currentCycle(await deps.programmes.listCycles(programme.id), now);
  const next = await describeNext({ deps, actor });
  const blocks: Block[] = [
    { type: "header", text: actor.team ? actor.team.name : programme.name },
    {
      type: "text",
      text: actor.team
        ? [`Your team in the `, { bold: programme.name }, ` (${actor.team.borough}).`]
        : [`You're programme staff for the `, { bold: programme.name }, "."],
    },
    ...next.blocks.filter((b) => b.type === "fields"),
    ...(await milestones(deps, actor, now)),
    { type: "divider" },
    ...cycleBlocks(actor, cycle, now),
    ...(isStaff(actor) ? await cohortAtAGlance(deps, actor) : []),
    { type: "context", text: "Ask me anything about the programme, or use `help` to see everything I can do." },
  ];
  return { summary: `${actor.team?.name ?? programme.name}: ${next.summary}`, blocks };
}

/** The cycle open now (until it locks), else the next one to open, else the last one. */
export function currentCycle(cycles: ReportingCycle[], now: Date): ReportingCycle | null {
  const t = now.getTime();
  return (
    cycles.find((c) => c.opensAt.getTime() <= t && t <= cycleLocksAt(c).getTime()) ??
    cycles.find((c) => c.opensAt.getTime() > t) ??
    cycles[cycles.length - 1] ??
    null
  );
}

async function milestones(deps: CoreDeps, actor: Actor, now: Date): Promise<Block[]> {
  const all = await deps.programmes.listMilestones(actor.programme.id, { teamId: actor.team?.id, from: now });
  const mine = (actor.team ? all : all.filter((m) => m.teamId === null)).slice(0, 3);
  if (mine.length === 0) return [];
  const tz = actor.programme.timeZone;
  return [
    { type: "text", text: [{ bold: "Milestones ahead" }] },
    { type: "list", items: mine.map((m) => `${m.title} — due ${formatLocal(m.dueAt, tz, false)}`) },
  ];
}

function cycleBlocks(actor: Actor, cycle: ReportingCycle | null, now: Date): Block[] {
  if (!cycle) return [{ type: "text", text: "No monthly updates are scheduled." }];
  const tz = actor.programme.timeZone;
  const open = cycle.opensAt.getTime() <= now.getTime();
  const when = open
    ? `due ${formatLocal(cycle.dueAt, tz)}, editable until ${formatLocal(cycleLocksAt(cycle), tz)}`
    : `opens ${formatLocal(cycle.opensAt, tz)}, due ${formatLocal(cycle.dueAt, tz)}`;
  const blocks: Block[] = [{ type: "text", text: [{ bold: `Monthly update for ${monthName(cycle.month)}` }, `: ${when}.`] }];
  if (actor.team && open) {
    blocks.push({
      type: "actions",
      buttons: [{ action: "update.open", label: "Update", value: cycle.month, style: "primary" }],
    });
  }
  return blocks;
}

async function cohortAtAGlance(deps: CoreDeps, actor: Actor): Promise<Block[]> {
  const teams = await deps.programmes.listTeams(actor.programme.id);
  return [
    { type: "text", text: [{ bold: `Cohort at a glance: ${teams.length} teams` }] },
    { type: "list", items: teams.map((t) => `${t.name} (${t.borough})`) },
    { type: "context", text: "Staff commands: `status`, `digest [YYYY-MM]`, `unanswered`." },
  ];
}

function monthName(month: string): string {
  const [year, m] = month.split("-").map(Number);
  const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return year && m ? `${names[m - 1]} ${year}` : month;
}
