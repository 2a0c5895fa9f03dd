import { DateTime } from "luxon";
import type { CoreDeps } from "../../core/deps.js";
import type { Platform, Programme, Team } from "../../core/programme/types.js";
import { type UpcomingSend, upcomingSends } from "../../core/reminders/upcoming-sends.js";
import type { PlaygroundPerson } from "./playground-directory.js";

/** `to` is a local wall-clock time, "YYYY-MM-DDTHH:mm"; `next` marks "the next thing that happens". */
export type QuickJump = { label: string; to: string; next?: boolean };

type Wanted = { label: (s: UpcomingSend) => string; test: (s: UpcomingSend) => boolean };

/**
 * Moments to jump to, taken from the scheduler's own plan (so each lands exactly when something is sent,
 * with quiet hours, weekends and bank holidays already applied): the next thing that happens at all, the
 * next "day before a coaching session" reminder (for the viewer's team when they have one), the next
 * update's due-day call, the "who is missing" note and the digest to staff.
 */
export async function quickJumps(
  deps: CoreDeps,
  programme: Programme,
  viewer?: Pick<PlaygroundPerson, "teamKey"> | null,
): Promise<QuickJump[]> {
  if (!deps.reminderFacts) return [];
  const teams = await deps.programmes.listTeams(programme.id);
  const mine = teams.find((t) => t.key === viewer?.teamKey)?.id;
  const month = (s: UpcomingSend) => monthName(s.month);
  const wanted: Wanted[] = [
    {
      label: () => "Coaching day-before",
      test: (s) => s.kind === "session-reminder" && s.offset === "-1d" && (!mine || s.teamIds.includes(mine)),
    },
    { label: (s) => `${month(s)} update due day`, test: (s) => s.kind === "cycle-final-call" },
    { label: () => "Who is missing → staff", test: (s) => s.kind === "cycle-missing-note" },
    { label: (s) => `${month(s)} digest → staff`, test: (s) => s.kind === "cycle-digest" },
  ];
  const found = await upcomingSends({
    deps,
    facts: deps.reminderFacts,
    programme,
    after: deps.clock.now(),
    platforms: Object.keys(deps.gateways) as Platform[],
    enough: (list) => wanted.every((w) => list.some(w.test)),
  });
  const zone = programme.timeZone;
  const when = (at: Date) => DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("ccc d LLL HH:mm");
  const wall = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
  const jumps: QuickJump[] = [];
  const [first] = found;
  if (first)
    jumps.push({ label: `Next: ${when(first.at)} · ${describeSend(first, teams)}`, to: wall(first.at), next: true });
  for (const w of wanted) {
    const match = found.find(w.test);
    if (match) jumps.push({ label: `${w.label(match)}: ${when(match.at)}`, to: wall(match.at) });
  }
  return jumps;
}

function monthName(month: string | null): string {
  if (!month) return "The";
  const dt = DateTime.fromISO(`${month}-01`, { zone: "utc" }).setLocale("en-GB");
  return dt.isValid ? dt.toFormat("LLLL") : month;
}

/** "coaching day-before (Tower Hamlets)", "November update opens (every team)", "digest → staff". */
export function describeSend(s: UpcomingSend, teams: Team[]): string {
  const what = whatIsSent(s);
  const teamIds = s.teamIds.filter((t): t is string => t !== null);
  if (teamIds.length === 0) return what;
  if (teamIds.length >= teams.length && teams.length > 1) return `${what} (every team)`;
  const names = teamIds.map((id) => {
    const team = teams.find((t) => t.id === id);
    return team?.borough || team?.name || "a team";
  });
  return names.length > 2 ? `${what} (${names.length} teams)` : `${what} (${names.join(", ")})`;
}

function whatIsSent(s: UpcomingSend): string {
  const month = monthName(s.month);
  const days = /^-(\d+)d$/.exec(s.offset ?? "")?.[1];
  const ahead =
    days === "1" ? "day-before" : days ? `${days} days before` : s.offset === "on-the-day" ? "on the day" : "";
  switch (s.kind) {
    case "session-reminder":
      if (s.offset?.endsWith("h")) {
        const hours = s.offset.slice(1, -1);
        return `coaching in ${hours} hour${hours === "1" ? "" : "s"}`;
      }
      return `coaching ${ahead}`;
    case "milestone-reminder":
      return `milestone ${ahead}`;
    case "cycle-open":
      return `${month} update opens`;
    case "cycle-nudge":
      return `${month} update nudge`;
    case "cycle-final-call":
      return `${month} update due today`;
    case "cycle-missing-note":
      return "who is missing → staff";
    case "cycle-digest":
      return `${month} digest → staff`;
    case "cycle-late-note":
      return "late list → staff";
    default:
      return "a message";
  }
}
