import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { Message } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { type Actor, isStaff } from "../programme/types.js";
import { monthLabel } from "./cycles.js";
import { pounds, RAG, SUPPORT, type UpdateData } from "./update-form.js";

/**
 * A team's full update (the digest's "View" button). Staff of the same programme, or members of that
 * team, may see it; anyone else gets "not found", so an id reveals nothing.
 */
export async function viewUpdate({
  deps,
  actor,
  updateId,
}: {
  deps: CoreDeps;
  actor: Actor;
  updateId: string;
}): Promise<Message> {
  const notFound = new AppError("not_found", "I can't find that update, or it isn't yours to see.");
  const update = updateId ? await deps.updates.getById(updateId) : null;
  if (!update) throw notFound;
  const [team, cycle] = await Promise.all([
    deps.programmes.getTeam(update.teamId),
    deps.programmes.getCycleById(update.cycleId),
  ]);
  if (!team || !cycle || team.programmeId !== actor.programme.id) throw notFound;
  if (!isStaff(actor) && actor.team?.id !== team.id) throw notFound;

  const d = update.data as UpdateData;
  const tz = actor.programme.timeZone;
  const who = async (id: string | null) => (id ? (await deps.programmes.getMember(id))?.name : undefined) ?? "—";
  const state =
    update.status === "submitted"
      ? `Submitted${update.late ? " late" : ""} by ${await who(update.submittedById)} on ${update.submittedAt ? formatLocal(update.submittedAt, tz) : "—"}`
      : "Draft (not submitted yet)";
  const lastSaved = `last saved by ${await who(update.updatedById)} on ${formatLocal(update.updatedAt, tz)}, version ${update.version}`;
  const fields: { label: string; value: string }[] = [
    { label: "Overall status", value: d.rag ? RAG[d.rag] : "—" },
    { label: "Progress this month", value: d.progress ?? "—" },
    { label: "PDSA cycle tested", value: d.pdsa ?? "—" },
    { label: "Measure", value: d.measure ? `${d.measure}: ${d.measureValue ?? "no value yet"}` : "—" },
    { label: "People supported this month", value: d.people === undefined ? "—" : String(d.people) },
    {
      label: "Grant spent to date",
      value: d.spend === undefined ? "—" : `${pounds(d.spend)} of ${pounds(team.award)}`,
    },
    { label: "Wins", value: d.wins ?? "—" },
    { label: "Blockers", value: d.blockers ?? "—" },
    {
      label: "Support requested",
      value:
        !d.support || d.support === "none"
          ? "None"
          : `${SUPPORT[d.support]}${d.supportDetail ? `: ${d.supportDetail}` : ""}`,
    },
    { label: "Anything staff should know", value: d.notes ?? "—" },
  ];
  const heading = `${team.name} — ${monthLabel(cycle.month)} update`;
  return {
    summary: `${heading}. ${state}.`,
    blocks: [
      { type: "header", text: heading },
      { type: "context", text: `${state}; ${lastSaved}.` },
      { type: "fields", fields },
    ],
  };
}
