import { DateTime } from "luxon";
import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { FormResult, FormValues } from "../forms/form.js";
import { type Block, plainText } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { proRataShare } from "../programme/pro-rata.js";
import type { Actor, ReportingCycle } from "../programme/types.js";
import { assertEditable } from "./check-editable.js";
import { digestDay, monthLabel } from "./cycles.js";
import { decodeContext, requireTeam } from "./update-context.js";
import { parseUpdateValues, spendWarning } from "./update-form.js";

/**
 * Saves the actor's team's update: a draft (kept if the form is closed) or a submission. Rules: only the
 * team's own members; not after the cycle locks unless staff unlocked it; a first submission after the
 * due date is marked late; every save becomes a new version with who made it; if someone saved after
 * this form was opened, this save still wins and the confirmation says who saved in between.
 */
export async function saveUpdate({
  deps,
  actor,
  context,
  values,
  draft,
}: {
  deps: CoreDeps;
  actor: Actor;
  context: string;
  values: FormValues;
  draft: boolean;
}): Promise<FormResult> {
  const team = requireTeam(actor);
  const { cycleId, version: openedVersion } = decodeContext(context);
  const cycle = await deps.programmes.getCycleById(cycleId);
  // A context naming another programme's cycle is treated as unknown: nothing crosses programmes.
  if (!cycle || cycle.programmeId !== actor.programme.id)
    throw new AppError("not_found", "That reporting cycle no longer exists. Please open the form again with `update`.");
  await assertEditable(deps, actor.programme, team, cycle);

  const parsed = parseUpdateValues(values, { award: team.award, draft });
  if (!parsed.ok) return parsed;

  const now = deps.clock.now();
  const existing = await deps.updates.get(team.id, cycle.id);
  // Once submitted an update stays submitted: a later "save draft" is an edit of the submitted update.
  const status = draft && existing?.status !== "submitted" ? "draft" : "submitted";
  const submittedAt = existing?.submittedAt ?? (status === "submitted" ? now : null);
  const saved = await deps.updates.save({
    teamId: team.id,
    cycleId: cycle.id,
    status,
    data: parsed.data,
    late: submittedAt !== null && submittedAt > cycle.dueAt,
    submittedAt,
    submittedById: existing?.submittedById ?? (status === "submitted" ? actor.member.id : null),
    savedById: actor.member.id,
    savedAt: now,
  });

  const tz = actor.programme.timeZone;
  const label = monthLabel(cycle.month);
  const blocks: Block[] = [];
  const headline =
    status === "draft"
      ? `Draft saved: the ${label} update for ${team.name}. It isn't submitted yet: open it again with \`update\` and press Submit when it's ready (due ${formatLocal(cycle.dueAt, tz)}).`
      : `Thanks — the ${label} update for ${team.name} is ${existing?.status === "submitted" ? "updated" : "submitted"}${saved.late ? " (marked late: it came in after the due date)" : ""}. ${whereItGoes(cycle, tz, now)}`;
  blocks.push({ type: "text", text: headline });

  const between = await savedInBetween(deps, actor, saved.id, openedVersion, saved.version);
  if (between) blocks.push({ type: "text", text: between });

  const proRata = proRataShare(team.award, actor.programme, cycle.dueAt);
  const warning = spendWarning(parsed.data.spend, team.award, proRata, formatLocal(cycle.dueAt, tz, false));
  if (warning) blocks.push({ type: "context", text: warning });
  return {
    ok: true,
    confirmation: { summary: blocks.map((b) => ("text" in b ? plainText(b.text) : "")).join(" "), blocks },
  };
}

/** Where staff will see it: the digest posted the day after the due date, or already posted. */
function whereItGoes(cycle: ReportingCycle, timeZone: string, now: Date): string {
  const postsOn = DateTime.fromJSDate(cycle.dueAt, { zone: timeZone }).plus({ days: 1 }).startOf("day");
  return now < postsOn.toJSDate()
    ? `The programme team sees it in the staff digest, posted in their staff channel on ${digestDay(cycle, timeZone)}.`
    : `The ${monthLabel(cycle.month)} digest has already gone to the programme team's staff channel; they see your update in \`digest ${cycle.month}\` and in the export.`;
}

/** Who saved this update after the form was opened (other than the actor), if anyone. */
async function savedInBetween(
  deps: CoreDeps,
  actor: Actor,
  updateId: string,
  openedVersion: number,
  savedVersion: number,
): Promise<string | null> {
  if (savedVersion === openedVersion + 1) return null;
  const versions = await deps.updates.listVersions(updateId);
  const others = versions.filter(
    (v) => v.version > openedVersion && v.version < savedVersion && v.savedById !== actor.member.id,
  );
  const last = others.at(-1);
  if (!last) return null;
  const names = [
    ...new Set(
      await Promise.all(
        others.map(
          async (v) => (v.savedById ? (await deps.programmes.getMember(v.savedById))?.name : null) ?? "a team member",
        ),
      ),
    ),
  ];
  return `Heads up: ${names.join(" and ")} saved this update at ${formatLocal(last.savedAt, actor.programme.timeZone)}, while you had it open. Your version is now the current one; theirs is kept in the history, so check nothing of theirs was lost (\`update\` shows the current text).`;
}
