import type { CoreDeps } from "../../deps.js";
import type { Message } from "../../messages/message.js";
import type { ProgressUpdate } from "../../ports/update-repository.js";
import type { Actor, Team } from "../../programme/types.js";
import { monthLabel } from "../../updates/cycles.js";

const pounds = (n: number) => `£${Math.round(n).toLocaleString("en-GB")}`;

/**
 * "How much of our grant have we spent?": the grant spent to date that the team gave in its latest
 * submitted update, against its award. A later draft is mentioned but not counted: staff have not seen it.
 */
export async function describeSpend(deps: CoreDeps, actor: Actor & { team: Team }): Promise<Message> {
  const { programme, team } = actor;
  const cycles = (await deps.programmes.listCycles(programme.id)).sort((a, b) => b.month.localeCompare(a.month));
  const updates = await deps.updates.listForCycles(cycles.map((c) => c.id));
  const ours = updates.filter((u) => u.teamId === team.id && typeof u.data.spend === "number");
  const month = (u: ProgressUpdate) => cycles.find((c) => c.id === u.cycleId)?.month ?? "";
  const newestFirst = ours.sort((a, b) => month(b).localeCompare(month(a)));
  const submitted = newestFirst.find((u) => u.status === "submitted");
  const draft = newestFirst.find((u) => u.status === "draft" && (!submitted || month(u) > month(submitted)));
  if (!submitted) {
    const text = `${team.name} hasn't reported any spend in a submitted update yet. Its award is ${pounds(team.award)}.`;
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  const spent = submitted.data.spend as number;
  const share = team.award > 0 ? ` (${Math.round((spent / team.award) * 100)}%)` : "";
  const left = team.award > 0 ? ` That leaves ${pounds(Math.max(team.award - spent, 0))}.` : "";
  const text = `${team.name} has reported ${pounds(spent)} spent of its ${pounds(team.award)} award${share}, in its ${monthLabel(month(submitted))} update.${left}`;
  const blocks: Message["blocks"] = [{ type: "text", text }];
  if (draft) {
    blocks.push({
      type: "context",
      text: `Your ${monthLabel(month(draft))} draft says ${pounds(draft.data.spend as number)}; it counts once it is submitted.`,
    });
  }
  return { summary: text, blocks };
}
