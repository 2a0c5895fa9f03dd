import { DateTime } from "luxon";
import type { CoreDeps } from "../../core/deps.js";
import type { Programme } from "../../core/programme/types.js";

export type QuickJump = { label: string; to: string };

/**
 * Handy moments to jump to from the playground clock's current time, taken from the programme's own
 * schedule: the morning before the next coaching session, and the next update cycle's due day and the
 * day after it (when the digest goes to staff). `to` is a local wall-clock time, "YYYY-MM-DDTHH:mm".
 */
export async function quickJumps(deps: CoreDeps, programme: Programme): Promise<QuickJump[]> {
  const now = deps.clock.now();
  const zone = programme.timeZone;
  const morning = (date: Date, days = 0) =>
    DateTime.fromJSDate(date, { zone }).plus({ days }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  const label = (dt: DateTime) => dt.setLocale("en-GB").toFormat("ccc d LLL");
  const wall = (dt: DateTime) => dt.toFormat("yyyy-LL-dd'T'HH:mm");
  const jumps: QuickJump[] = [];

  const sessions = await deps.programmes.listSessions(programme.id, { from: now });
  const session = sessions.map((s) => ({ s, at: morning(s.startsAt, -1) })).find(({ at }) => at.toJSDate() > now);
  if (session) {
    jumps.push({ label: `Day before a coaching session (${label(session.at)})`, to: wall(session.at) });
  }

  const cycles = (await deps.programmes.listCycles(programme.id)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const cycle = cycles.find((c) => morning(c.dueAt, 1).toJSDate() > now);
  if (cycle) {
    const due = morning(cycle.dueAt);
    const after = morning(cycle.dueAt, 1);
    if (due.toJSDate() > now) jumps.push({ label: `${cycle.month} update due day (${label(due)})`, to: wall(due) });
    jumps.push({ label: `Day after the ${cycle.month} due date: digest (${label(after)})`, to: wall(after) });
  }
  return jumps;
}
