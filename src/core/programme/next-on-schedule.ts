import type { CoreDeps } from "../deps.js";
import { formatLocal } from "./local-time.js";
import type { Actor, CoachingSession, Milestone } from "./types.js";

/** What is next for the asker: their team's coaching session, the next workshop for all, the next milestone. */
export type NextOnSchedule = {
  /** The team's own next coaching session (none for someone with no team). */
  coaching: CoachingSession | null;
  /** The next programme-wide session (workshop, training day). */
  workshop: CoachingSession | null;
  /** The team's or the programme's next milestone; programme-wide only for someone with no team. */
  milestone: Milestone | null;
};

/**
 * The one source of truth for "what's next": the `next` command, the live FAQ answers ("when is our next
 * session?") and the coach answer all read it, so they never name different sessions.
 */
export async function nextOnSchedule(
  deps: Pick<CoreDeps, "clock" | "programmes">,
  actor: Actor,
): Promise<NextOnSchedule> {
  const { programme, team } = actor;
  const from = deps.clock.now();
  const [sessions, milestones] = await Promise.all([
    deps.programmes.listSessions(programme.id, { teamId: team?.id, from }),
    deps.programmes.listMilestones(programme.id, { teamId: team?.id, from }),
  ]);
  const first = <T>(items: T[], wanted: (item: T) => boolean) => items.find(wanted) ?? null;
  return {
    coaching: team ? first(sessions, (s) => s.teamId === team.id) : null,
    workshop: first(sessions, (s) => s.teamId === null),
    milestone: first(milestones, (m) => m.teamId === null || (team !== null && m.teamId === team.id)),
  };
}

/** "QI coaching: Tower Hamlets, Tue 13 Dec 2022, 10:00 with Priya Shah", in the programme's time zone. */
export function describeSessionTime(session: CoachingSession, timeZone: string): string {
  return `${session.title}, ${formatLocal(session.startsAt, timeZone)}${session.coach ? ` with ${session.coach}` : ""}`;
}

/** "Mid-point review, due Fri 16 Dec 2022, 17:00", in the programme's time zone. */
export function describeMilestoneTime(milestone: Milestone, timeZone: string): string {
  return `${milestone.title}, due ${formatLocal(milestone.dueAt, timeZone)}`;
}
