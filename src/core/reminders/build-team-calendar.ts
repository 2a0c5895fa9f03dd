import ical from "ical-generator";
import type { CoreDeps } from "../deps.js";
import type { Team } from "../programme/types.js";

/**
 * A team's calendar (iCalendar text): its coaching sessions and milestones, including programme-wide ones.
 * Times are written in UTC, so calendar apps show them correctly in any zone and across clock changes.
 * Event UIDs are stable (session/milestone ids), so a subscribed calendar updates in place.
 */
export async function buildTeamCalendar({ deps, team }: { deps: CoreDeps; team: Team }): Promise<string> {
  return buildCalendar({ deps, programmeId: team.programmeId, team });
}

/** The same for a whole programme (every team's sessions) when no team is given: `cohort calendar export`. */
export async function buildCalendar({
  deps,
  programmeId,
  team,
}: {
  deps: CoreDeps;
  programmeId: string;
  team?: Team;
}): Promise<string> {
  const programme = await deps.programmes.getProgramme(programmeId);
  const filter = team ? { teamId: team.id } : {};
  const [sessions, milestones] = await Promise.all([
    deps.programmes.listSessions(programmeId, filter),
    deps.programmes.listMilestones(programmeId, filter),
  ]);
  const calendar = ical({
    name: team ? `${team.name} — ${programme?.name ?? "programme"}` : (programme?.name ?? "programme"),
    prodId: { company: "Cohort Bot", product: "cohort-bot", language: "EN" },
    timezone: null,
  });
  for (const s of sessions) {
    calendar.createEvent({
      id: `session-${s.id}@cohort-bot`,
      start: s.startsAt,
      end: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000),
      summary: s.title,
      description: [s.coach ? `Coach: ${s.coach}` : "", s.joinUrl ? `Join: ${s.joinUrl}` : ""]
        .filter(Boolean)
        .join("\n"),
      location: s.location ?? s.joinUrl ?? undefined,
      url: s.joinUrl ?? undefined,
    });
  }
  for (const m of milestones) {
    calendar.createEvent({
      id: `milestone-${m.id}@cohort-bot`,
      start: m.dueAt,
      end: m.dueAt,
      summary: `Due: ${m.title}`,
      description: m.description,
    });
  }
  return calendar.toString();
}
