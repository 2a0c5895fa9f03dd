import type { CoreDeps } from "../deps.js";
import type { Block, Message } from "../messages/message.js";
import { possessive } from "../messages/possessive.js";
import { formatLocal } from "../programme/local-time.js";
import { type Actor, isStaff } from "../programme/types.js";
import { getEditability } from "./check-editable.js";
import { digestDay, monthLabel, resolveCycle } from "./cycles.js";

/**
 * `status`: has my team sent this cycle's update, what is due and when. Staff without a team get the
 * cycle's count instead. Members only ever see their own team.
 */
export async function getTeamStatus({ deps, actor }: { deps: CoreDeps; actor: Actor }): Promise<Message> {
  const { programme, team } = actor;
  const cycle = await resolveCycle(deps, programme);
  const tz = programme.timeZone;
  const label = monthLabel(cycle.month);
  const due = formatLocal(cycle.dueAt, tz);

  if (!team) {
    const teams = await deps.programmes.listTeams(programme.id);
    const updates = await deps.updates.listForCycles([cycle.id]);
    const submitted = updates.filter((u) => u.status === "submitted").length;
    const drafts = updates.length - submitted;
    const text = `${label}: ${submitted} of ${teams.length} teams have submitted${drafts ? `, ${drafts} more have a draft` : ""}. Due ${due}; the digest posts on ${digestDay(cycle, tz)}.`;
    const blocks: Block[] = [{ type: "text", text }];
    if (isStaff(actor)) blocks.push({ type: "context", text: `Use \`digest ${cycle.month}\` for the full picture.` });
    return { summary: text, blocks };
  }

  const [update, state] = await Promise.all([deps.updates.get(team.id, cycle.id), getEditability(deps, team, cycle)]);
  const who = async (id: string | null) =>
    (id ? (await deps.programmes.getMember(id))?.name : undefined) ?? "a team member";
  let line: string;
  if (update?.status === "submitted") {
    const when = update.submittedAt ? formatLocal(update.submittedAt, tz) : "";
    line = `✅ ${possessive(team.name)} ${label} update is submitted${update.late ? " (late)" : ""} — by ${await who(update.submittedById)} on ${when}.`;
  } else if (update) {
    line = `📝 ${possessive(team.name)} ${label} update is a draft (last saved by ${await who(update.updatedById)} on ${formatLocal(update.updatedAt, tz)}). It isn't submitted yet.`;
  } else {
    line = `⏳ ${team.name} hasn't started its ${label} update yet.`;
  }
  const when =
    state.reason === "not-open"
      ? `It opens on ${formatLocal(cycle.opensAt, tz)} and is due ${due}.`
      : state.editable
        ? `Due ${due}; you can edit it until ${formatLocal(state.until, tz)}.`
        : `It closed on ${formatLocal(state.until, tz)}; ask the programme team if you need it unlocked.`;
  const blocks: Block[] = [
    { type: "text", text: line },
    { type: "context", text: when },
  ];
  if (state.editable) {
    const label = update ? "Edit update" : "Start update";
    blocks.push({
      type: "actions",
      buttons: [{ action: "update.open", label, value: cycle.month, style: update ? undefined : "primary" }],
    });
  }
  return { summary: `${line} ${when}`, blocks };
}
