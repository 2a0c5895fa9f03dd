import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { formatLocal } from "../programme/local-time.js";
import { cycleLocksAt, type Programme, type ReportingCycle, type Team } from "../programme/types.js";
import { monthLabel } from "./cycles.js";

export type Editability = {
  editable: boolean;
  /** When edits stop: the cycle's lock time, or a staff unlock's end if later. */
  until: Date;
  reason: "open" | "not-open" | "locked";
  unlocked: boolean;
};

/** Whether a team may edit its update for a cycle now: open, not yet locked, or unlocked by staff. */
export async function getEditability(
  deps: Pick<CoreDeps, "updates" | "clock">,
  team: Team,
  cycle: ReportingCycle,
): Promise<Editability> {
  const now = deps.clock.now();
  const locksAt = cycleLocksAt(cycle);
  const unlock = await deps.updates.getUnlock(team.id, cycle.id);
  // An unlock only ever extends the window; once it has passed, the later date is when it closed.
  const until = unlock && unlock.unlockedUntil > locksAt ? unlock.unlockedUntil : locksAt;
  const unlocked = until > locksAt && now < until;
  if (now < cycle.opensAt) return { editable: false, until, reason: "not-open", unlocked };
  if (now >= until) return { editable: false, until, reason: "locked", unlocked };
  return { editable: true, until, reason: "open", unlocked };
}

/** Throws the user-facing reason when the update cannot be edited now. */
export async function assertEditable(
  deps: Pick<CoreDeps, "updates" | "clock">,
  programme: Programme,
  team: Team,
  cycle: ReportingCycle,
): Promise<Editability> {
  const state = await getEditability(deps, team, cycle);
  const tz = programme.timeZone;
  if (state.reason === "not-open")
    throw new AppError(
      "locked",
      `The ${monthLabel(cycle.month)} update opens on ${formatLocal(cycle.opensAt, tz)}. You can start it then.`,
    );
  if (state.reason === "locked")
    throw new AppError(
      "locked",
      `The ${monthLabel(cycle.month)} update closed on ${formatLocal(state.until, tz)}, so it can no longer be changed. If you need to change it, ask the programme team to unlock it for ${team.name}.`,
    );
  return state;
}
