import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { ProgressUpdateVersion } from "../ports/update-repository.js";
import { proRataShare } from "../programme/pro-rata.js";
import type { CoachingSession, Member, Team } from "../programme/types.js";
import { type MeasureSeries, measureSeries } from "./measure-series.js";
import { loadProgrammeHistory, type ProgrammeHistory, type TeamHistory } from "./programme-history.js";
import type { StaffScope } from "./staff-scope.js";

export type TeamView = {
  scope: StaffScope;
  team: Team;
  coach: Member | null;
  history: TeamHistory;
  /** The same history as a one-team programme history (cycles, now), for the charts. */
  programmeHistory: ProgrammeHistory;
  measure: MeasureSeries;
  /** Saved versions per update id, oldest first. */
  versions: Map<string, ProgressUpdateVersion[]>;
  /** Member id → name, for "who saved it". */
  names: Map<string, string>;
  sessions: { past: CoachingSession[]; upcoming: CoachingSession[] };
  /** Spend reported per month against the pro-rata line at each due date. */
  spend: { month: string; spent: number | null; expected: number }[];
};

/** Everything on GET /staff/teams/<key>, for a team already checked against the viewer's scope. */
export async function loadTeamView(deps: CoreDeps, scope: StaffScope, team: Team): Promise<TeamView> {
  const reads = deps.staffReads;
  if (!reads) throw new AppError("unavailable", "The staff pages are not set up on this server.");
  const [programmeHistory, members, sessions] = await Promise.all([
    loadProgrammeHistory({ deps, programme: scope.programme, teams: [team] }),
    deps.programmes.listMembers(scope.programme.id),
    deps.programmes.listSessions(scope.programme.id, { teamId: team.id }),
  ]);
  const history = programmeHistory.teams[0] as TeamHistory;
  const updateIds = history.months.flatMap((m) => (m.update ? [m.update.id] : []));
  const versions = await reads.listVersionsForUpdates(updateIds);
  const now = deps.clock.now();
  let lastSpend: number | null = null;
  return {
    scope,
    team,
    coach: members.find((m) => m.id === team.coachId) ?? null,
    history,
    programmeHistory,
    measure: measureSeries(history),
    versions,
    names: new Map(members.map((m) => [m.id, m.name])),
    sessions: {
      past: sessions.filter((s) => s.startsAt <= now),
      upcoming: sessions.filter((s) => s.startsAt > now),
    },
    spend: history.months.map((m) => {
      if (m.state === "submitted" && typeof m.data.spend === "number") lastSpend = m.data.spend;
      const due = m.cycle.dueAt;
      return {
        month: m.cycle.month,
        spent: due <= now || m.state === "submitted" ? lastSpend : null,
        expected: proRataShare(team.award, scope.programme, due),
      };
    }),
  };
}
