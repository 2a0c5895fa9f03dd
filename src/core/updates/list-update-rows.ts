import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { MONTH } from "./cycles.js";
import type { UpdateData } from "./update-form.js";

/** Export columns, in order. `team` is the team key; the header is printed even with no updates. */
export const UPDATE_COLUMNS = [
  "programme",
  "cycle",
  "team",
  "team_name",
  "status",
  "late",
  "submitted_at",
  "submitted_by",
  "last_saved_at",
  "last_saved_by",
  "version",
  "rag",
  "progress",
  "pdsa",
  "measure",
  "measure_value",
  "people_supported",
  "spend_to_date",
  "award",
  "wins",
  "blockers",
  "support",
  "support_detail",
  "notes",
] as const;

export type UpdateRow = Record<(typeof UPDATE_COLUMNS)[number], string | number | boolean | null>;

/** One row per update (draft or submitted) in a programme, optionally for one cycle; for staff exports. */
export async function listUpdateRows({
  deps,
  programmeId,
  month,
}: {
  deps: Pick<CoreDeps, "programmes" | "updates">;
  programmeId: string;
  month?: string;
}): Promise<UpdateRow[]> {
  if (month !== undefined && !MONTH.test(month))
    throw new AppError("invalid_input", `“${month}” is not a month: use YYYY-MM, e.g. 2022-11.`);
  const [programme, cycles, teams, members] = await Promise.all([
    deps.programmes.getProgramme(programmeId),
    deps.programmes.listCycles(programmeId),
    deps.programmes.listTeams(programmeId),
    deps.programmes.listMembers(programmeId),
  ]);
  if (!programme) throw new AppError("not_found", "That programme no longer exists.");
  const chosen = month ? cycles.filter((c) => c.month === month) : cycles;
  if (month && chosen.length === 0)
    throw new AppError(
      "invalid_input",
      `There is no reporting cycle for ${month}. Cycles: ${cycles.map((c) => c.month).join(", ") || "none"}.`,
    );
  const updates = await deps.updates.listForCycles(chosen.map((c) => c.id));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const cycleById = new Map(chosen.map((c) => [c.id, c]));
  const name = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? id) : null);
  return updates
    .map((u): UpdateRow => {
      const d = u.data as UpdateData;
      const team = teamById.get(u.teamId);
      return {
        programme: programme.slug,
        cycle: cycleById.get(u.cycleId)?.month ?? "",
        team: team?.key ?? u.teamId,
        team_name: team?.name ?? "",
        status: u.status,
        late: u.late,
        submitted_at: u.submittedAt?.toISOString() ?? null,
        submitted_by: name(u.submittedById),
        last_saved_at: u.updatedAt.toISOString(),
        last_saved_by: name(u.updatedById),
        version: u.version,
        rag: d.rag ?? null,
        progress: d.progress ?? null,
        pdsa: d.pdsa ?? null,
        measure: d.measure ?? null,
        measure_value: d.measureValue ?? null,
        people_supported: d.people ?? null,
        spend_to_date: d.spend ?? null,
        award: team?.award ?? null,
        wins: d.wins ?? null,
        blockers: d.blockers ?? null,
        support: d.support ?? null,
        support_detail: d.supportDetail ?? null,
        notes: d.notes ?? null,
      };
    })
    .sort((a, b) => String(a.cycle).localeCompare(String(b.cycle)) || String(a.team).localeCompare(String(b.team)));
}

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab / carriage return) would run as a
 * formula in Excel or Sheets, so it is prefixed with a single quote and shows as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
