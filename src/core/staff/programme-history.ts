import type { CoreDeps } from "../deps.js";
import type { ProgressUpdate } from "../ports/update-repository.js";
import type { Programme, ReportingCycle, Team } from "../programme/types.js";
import type { UpdateData } from "../updates/update-form.js";

/**
 * Where a team stands for one reporting cycle. `missing` = the due date has passed with nothing
 * submitted (a draft does not count); `open` = the window is open and the due date still ahead;
 * `upcoming` = the window has not opened.
 */
export type MonthState = "submitted" | "missing" | "open" | "upcoming";

export type TeamMonth = {
  cycle: ReportingCycle;
  /** This cycle's update, draft or submitted. */
  update: ProgressUpdate | null;
  state: MonthState;
  /** The submitted values; empty unless `state` is submitted. */
  data: UpdateData;
  late: boolean;
};

export type TeamHistory = {
  team: Team;
  /** One entry per cycle, in month order. */
  months: TeamMonth[];
  /** The latest spend reported in a submitted update, and for which month. */
  latestSpend: { amount: number; month: string } | null;
  peopleTotal: number;
};

export type ProgrammeHistory = {
  programme: Programme;
  cycles: ReportingCycle[];
  teams: TeamHistory[];
  now: Date;
};

/**
 * Every team's monthly updates for a programme, in three queries whatever the cohort size. `teams`
 * limits it to the teams a viewer may see (a coach's teams); nothing of other programmes is read.
 */
export async function loadProgrammeHistory({
  deps,
  programme,
  teams,
}: {
  deps: Pick<CoreDeps, "programmes" | "updates" | "clock">;
  programme: Programme;
  teams?: Team[];
}): Promise<ProgrammeHistory> {
  const [cycles, allTeams] = await Promise.all([
    deps.programmes.listCycles(programme.id),
    teams ? Promise.resolve(teams) : deps.programmes.listTeams(programme.id),
  ]);
  const ordered = [...cycles].sort((a, b) => a.month.localeCompare(b.month));
  const updates = await deps.updates.listForCycles(ordered.map((c) => c.id));
  return buildHistory(programme, ordered, allTeams, updates, deps.clock.now());
}

/** The pure half of loadProgrammeHistory (tests and benches feed it directly). */
export function buildHistory(
  programme: Programme,
  cycles: ReportingCycle[],
  teams: Team[],
  updates: ProgressUpdate[],
  now: Date,
): ProgrammeHistory {
  const byKey = new Map(updates.map((u) => [`${u.teamId}:${u.cycleId}`, u]));
  const histories = teams.map((team): TeamHistory => {
    let latestSpend: TeamHistory["latestSpend"] = null;
    let peopleTotal = 0;
    const months = cycles.map((cycle): TeamMonth => {
      const update = byKey.get(`${team.id}:${cycle.id}`) ?? null;
      const submitted = update?.status === "submitted";
      const data = (submitted ? update.data : {}) as UpdateData;
      if (submitted && typeof data.spend === "number") latestSpend = { amount: data.spend, month: cycle.month };
      if (submitted) peopleTotal += data.people ?? 0;
      return { cycle, update, state: stateOf(cycle, submitted, now), data, late: submitted && update.late };
    });
    return { team, months, latestSpend, peopleTotal };
  });
  return { programme, cycles, teams: histories.sort((a, b) => a.team.name.localeCompare(b.team.name)), now };
}

function stateOf(cycle: ReportingCycle, submitted: boolean, now: Date): MonthState {
  if (submitted) return "submitted";
  if (now >= cycle.dueAt) return "missing";
  return now >= cycle.opensAt ? "open" : "upcoming";
}

export { programmeFraction } from "../programme/pro-rata.js";
