import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { UnansweredQuestion } from "../ports/faq-repository.js";
import type { DeliveryLogEntry } from "../ports/staff-reads.js";
import {
  type CycleSubmissions,
  type OpenItem,
  openSupportAndBlockers,
  type PeopleMonth,
  peoplePerMonth,
  spendToDate,
  submissionsPerCycle,
} from "./overview-figures.js";
import { loadProgrammeHistory, type ProgrammeHistory } from "./programme-history.js";
import type { StaffScope } from "./staff-scope.js";

/** How many delivery-log lines the overview shows (the newest); the counts cover every delivery. */
export const DELIVERY_LOG_LINES = 150;

export type Overview = {
  scope: StaffScope;
  history: ProgrammeHistory;
  submissions: CycleSubmissions[];
  spend: ReturnType<typeof spendToDate>;
  people: PeopleMonth[];
  open: OpenItem[];
  /** Staff only; empty for coaches (questions can come from any team). */
  unanswered: { question: UnansweredQuestion; asker: string }[];
  deliveries: {
    entries: (DeliveryLogEntry & { targetName: string; teamName: string | null })[];
    counts: Record<string, number>;
  };
};

/** Everything on GET /staff for one viewer: only the teams in their scope, only their programme. */
export async function loadOverview(deps: CoreDeps, scope: StaffScope): Promise<Overview> {
  const reads = deps.staffReads;
  if (!reads) throw new AppError("unavailable", "The staff pages are not set up on this server.");
  const programmeId = scope.programme.id;
  const teamIds = scope.wholeProgramme ? undefined : scope.teams.map((t) => t.id);
  const [history, questions, members, log, channels] = await Promise.all([
    loadProgrammeHistory({ deps, programme: scope.programme, teams: scope.teams }),
    scope.wholeProgramme ? deps.faq.listUnanswered(programmeId, { status: "open" }) : Promise.resolve([]),
    deps.programmes.listMembers(programmeId),
    reads.deliveryLog(programmeId, { limit: DELIVERY_LOG_LINES, teamIds }),
    deps.programmes.listChannels(programmeId),
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const channelName = new Map(channels.map((c) => [c.id, c.name || c.externalId]));
  const teamName = new Map(scope.teams.map((t) => [t.id, t.name]));
  return {
    scope,
    history,
    submissions: submissionsPerCycle(history),
    spend: spendToDate(history, { wholeProgramme: scope.wholeProgramme }),
    people: peoplePerMonth(history),
    open: openSupportAndBlockers(history),
    unanswered: questions
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((question) => ({
        question,
        asker: (question.memberId && memberName.get(question.memberId)) || "someone not on the programme list",
      })),
    deliveries: {
      counts: log.counts,
      entries: log.entries.map((e) => ({
        ...e,
        targetName: channelName.get(e.target) ?? (e.target.startsWith("member:") ? "a direct message" : e.target),
        teamName: e.teamId ? (teamName.get(e.teamId) ?? null) : null,
      })),
    },
  };
}
