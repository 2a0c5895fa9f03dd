import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { ProgressUpdate } from "../ports/update-repository.js";
import type { Programme, ReportingCycle, Team } from "../programme/types.js";
import { MONTH } from "../updates/cycles.js";
import type { Rag, UpdateData } from "../updates/update-form.js";

export type TeamRow = {
  team: Team;
  /** This cycle's update, draft or submitted. */
  update: ProgressUpdate | null;
  submitted: boolean;
  data: UpdateData;
  /** RAG of the previous cycle's submitted update. */
  previousRag: Rag | null;
  /** The latest spend the team reported in a submitted update up to this cycle, and in which month. */
  spend: { amount: number; month: string } | null;
  peopleTotal: number;
};

export type DigestData = {
  programme: Programme;
  cycle: ReportingCycle;
  previous: ReportingCycle | null;
  rows: TeamRow[];
};

/** Which digest: one programme, one month (YYYY-MM). */
export type DigestRequest = {
  deps: Pick<CoreDeps, "programmes" | "updates">;
  programmeId: string;
  month: string;
};

/**
 * Everything a digest needs for one programme and month, in three queries whatever the cohort size.
 * Only this programme's teams and cycles are read, so nothing leaks between programmes.
 */
export async function loadDigestData({ deps, programmeId, month }: DigestRequest): Promise<DigestData> {
  if (!MONTH.test(month)) throw new AppError("invalid_input", `“${month}” is not a month: use YYYY-MM, e.g. 2022-11.`);
  const [programme, cycles, teams] = await Promise.all([
    deps.programmes.getProgramme(programmeId),
    deps.programmes.listCycles(programmeId),
    deps.programmes.listTeams(programmeId),
  ]);
  if (!programme) throw new AppError("not_found", "That programme no longer exists.");
  const index = cycles.findIndex((c) => c.month === month);
  const cycle = cycles[index];
  if (!cycle)
    throw new AppError(
      "not_found",
      `There is no reporting cycle for ${month}. Cycles: ${cycles.map((c) => c.month).join(", ") || "none yet"}.`,
    );
  const previous = cycles[index - 1] ?? null;
  const upTo = cycles.slice(0, index + 1);
  const monthOf = new Map(upTo.map((c) => [c.id, c.month]));
  const updates = await deps.updates.listForCycles(upTo.map((c) => c.id));

  const byTeam = new Map<string, ProgressUpdate[]>();
  for (const u of updates) {
    const list = byTeam.get(u.teamId);
    if (list) list.push(u);
    else byTeam.set(u.teamId, [u]);
  }
  const rows = teams.map((team): TeamRow => {
    const history = (byTeam.get(team.id) ?? []).sort((a, b) =>
      (monthOf.get(a.cycleId) ?? "").localeCompare(monthOf.get(b.cycleId) ?? ""),
    );
    const update = history.find((u) => u.cycleId === cycle.id) ?? null;
    const submittedHistory = history.filter((u) => u.status === "submitted");
    const prev = previous ? submittedHistory.find((u) => u.cycleId === previous.id) : undefined;
    const lastSpend = [...submittedHistory].reverse().find((u) => typeof (u.data as UpdateData).spend === "number");
    return {
      team,
      update,
      submitted: update?.status === "submitted",
      data: (update?.status === "submitted" ? update.data : {}) as UpdateData,
      previousRag: (prev?.data as UpdateData | undefined)?.rag ?? null,
      spend: lastSpend
        ? { amount: (lastSpend.data as UpdateData).spend as number, month: monthOf.get(lastSpend.cycleId) ?? "" }
        : null,
      peopleTotal: submittedHistory.reduce((sum, u) => sum + ((u.data as UpdateData).people ?? 0), 0),
    };
  });
  return { programme, cycle, previous, rows };
}
