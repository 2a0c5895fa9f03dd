import type { CoreDeps } from "../deps.js";
import type { FormView } from "../forms/form.js";
import { formatLocal } from "../programme/local-time.js";
import type { Actor } from "../programme/types.js";
import { assertEditable } from "./check-editable.js";
import { monthLabel, resolveCycle } from "./cycles.js";
import { encodeContext, requireTeam } from "./update-context.js";
import { progressUpdateForm, toFormValues } from "./update-form.js";

/**
 * Opens the update form for the actor's own team: the named cycle or the current one, prefilled from the
 * draft or submission so far. The context remembers the version, so a save can tell who edited in between.
 */
export async function openUpdateForm({
  deps,
  actor,
  month,
}: {
  deps: CoreDeps;
  actor: Actor;
  month?: string;
}): Promise<FormView> {
  const team = requireTeam(actor);
  const cycle = await resolveCycle(deps, actor.programme, month);
  const state = await assertEditable(deps, actor.programme, team, cycle);
  const existing = await deps.updates.get(team.id, cycle.id);
  const tz = actor.programme.timeZone;
  const parts = [
    `${team.name} — ${monthLabel(cycle.month)} update, due ${formatLocal(cycle.dueAt, tz)}.`,
    `You can edit it until ${formatLocal(state.until, tz)}${state.unlocked ? " (unlocked by the programme team)" : ""}.`,
  ];
  if (existing) {
    const who = existing.updatedById ? (await deps.programmes.getMember(existing.updatedById))?.name : undefined;
    const when = formatLocal(existing.updatedAt, tz);
    parts.push(
      existing.status === "submitted"
        ? `Submitted${existing.late ? " (late)" : ""}; last saved by ${who ?? "a team member"} on ${when}. Saving again replaces it; earlier versions are kept.`
        : `Draft saved by ${who ?? "a team member"} on ${when}.`,
    );
  }
  return {
    form: progressUpdateForm,
    intro: parts.join(" "),
    values: existing ? toFormValues(existing.data) : {},
    context: encodeContext({ cycleId: cycle.id, version: existing?.version ?? 0 }),
  };
}
