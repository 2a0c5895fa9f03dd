import { describeNext } from "../commands/next.js";
import { notMemberText } from "../commands/run-command.js";
import type { CoreDeps } from "../deps.js";
import { isAppError } from "../errors.js";
import type { Block, Message } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { type Actor, isStaff } from "../programme/types.js";
import { monthLabel, pickCurrentCycle } from "../updates/cycles.js";
import { getTeamStatus } from "../updates/get-team-status.js";

/**
 * The bot's home screen (Slack App Home; other platforms may reuse it): a member sees their team, what
 * is coming up and this cycle's update status with its button; staff see the cohort at a glance.
 * Neutral blocks only, so the wording is the same wherever it is shown.
 */
export async function buildHome({ deps, actor }: { deps: CoreDeps; actor: Actor }): Promise<Message> {
  const { programme, team } = actor;
  const next = await describeNext({ deps, actor });
  const blocks: Block[] = [
    { type: "header", text: team ? team.name : programme.name },
    {
      type: "text",
      text: team
        ? ["Your team in the ", { bold: programme.name }, ` (${team.borough}).`]
        : [isStaff(actor) ? "You're programme staff for the " : "You're part of the ", { bold: programme.name }, "."],
    },
    ...next.blocks.filter((b) => b.type === "fields"),
    ...(await milestones(deps, actor)),
    { type: "divider" },
    { type: "text", text: [{ bold: "Monthly update" }] },
    ...(await status(deps, actor)),
    ...(isStaff(actor) ? await cohortAtAGlance(deps, actor) : []),
    { type: "context", text: "Ask me anything about the programme, or use `help` to see everything I can do." },
  ];
  return { summary: `${team?.name ?? programme.name}: ${next.summary}`, blocks };
}

/** For someone the bot does not know yet: what it does and how to be added. */
export function buildStrangerHome(): Message {
  return {
    summary: `I'm Cohort Bot. ${notMemberText()}`,
    blocks: [
      { type: "header", text: "Cohort Bot" },
      {
        type: "text",
        text: "I answer programme questions (`ask`), remind teams of coaching sessions and milestones, and collect each team's monthly progress `update`.",
      },
      { type: "text", text: notMemberText() },
    ],
  };
}

async function milestones(deps: CoreDeps, actor: Actor): Promise<Block[]> {
  const from = deps.clock.now();
  const all = await deps.programmes.listMilestones(actor.programme.id, { teamId: actor.team?.id, from });
  const mine = (actor.team ? all : all.filter((m) => m.teamId === null)).slice(0, 3);
  if (mine.length === 0) return [];
  const tz = actor.programme.timeZone;
  return [
    { type: "text", text: [{ bold: "Milestones ahead" }] },
    { type: "list", items: mine.map((m) => `${m.title} — due ${formatLocal(m.dueAt, tz, false)}`) },
  ];
}

/** The Updates feature's own status (with its Update button); "no cycle yet" is shown, not thrown. */
async function status(deps: CoreDeps, actor: Actor): Promise<Block[]> {
  try {
    return (await getTeamStatus({ deps, actor })).blocks;
  } catch (error) {
    if (isAppError(error)) return [{ type: "text", text: error.userMessage }];
    throw error;
  }
}

async function cohortAtAGlance(deps: CoreDeps, actor: Actor): Promise<Block[]> {
  const teams = await deps.programmes.listTeams(actor.programme.id);
  const cycle = pickCurrentCycle(await deps.programmes.listCycles(actor.programme.id), deps.clock.now());
  const updates = cycle ? await deps.updates.listForCycles([cycle.id]) : [];
  const byTeam = new Map(updates.map((u) => [u.teamId, u]));
  const mark = (teamId: string) => {
    const u = byTeam.get(teamId);
    return u?.status === "submitted" ? `✅ submitted${u.late ? " (late)" : ""}` : u ? "📝 draft" : "⏳ not started";
  };
  return [
    { type: "text", text: [{ bold: `Cohort at a glance${cycle ? ` — ${monthLabel(cycle.month)}` : ""}` }] },
    { type: "list", items: teams.map((t) => `${t.name}: ${cycle ? mark(t.id) : "no cycle open yet"}`) },
  ];
}
