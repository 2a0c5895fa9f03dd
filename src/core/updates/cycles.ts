import { DateTime } from "luxon";
import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { formatLocal } from "../programme/local-time.js";
import { cycleLocksAt, type Programme, type ReportingCycle } from "../programme/types.js";

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2022-11" → "November 2022". */
export function monthLabel(month: string): string {
  const dt = DateTime.fromISO(`${month}-01`, { zone: "utc" }).setLocale("en-GB");
  return dt.isValid ? dt.toFormat("LLLL yyyy") : month;
}

/**
 * The cycle a person most likely means by "this month's update": the one whose window (opens → locks)
 * contains now, else the most recent one that has opened. Null before the first cycle opens.
 */
export function pickCurrentCycle(cycles: ReportingCycle[], now: Date): ReportingCycle | null {
  const opened = cycles.filter((c) => c.opensAt <= now).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const inWindow = opened.filter((c) => now < cycleLocksAt(c));
  return inWindow.at(-1) ?? opened.at(-1) ?? null;
}

/** The named cycle, or the current one; a clear error when there is none. */
export async function resolveCycle(
  deps: Pick<CoreDeps, "programmes" | "clock">,
  programme: Programme,
  month?: string,
): Promise<ReportingCycle> {
  if (month) {
    if (!MONTH.test(month))
      throw new AppError("invalid_input", `“${month}” is not a month: use YYYY-MM, e.g. 2022-11.`);
    const cycle = await deps.programmes.getCycle(programme.id, month);
    if (!cycle) {
      const known = (await deps.programmes.listCycles(programme.id)).map((c) => c.month).join(", ");
      throw new AppError("not_found", `There is no reporting cycle for ${month}. Cycles: ${known || "none yet"}.`);
    }
    return cycle;
  }
  const cycles = await deps.programmes.listCycles(programme.id);
  const cycle = pickCurrentCycle(cycles, deps.clock.now());
  if (cycle) return cycle;
  const first = cycles.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
  throw new AppError(
    "not_found",
    first
      ? `No monthly update is open yet. The first one (${monthLabel(first.month)}) opens on ${formatLocal(first.opensAt, programme.timeZone)}.`
      : "This programme has no reporting cycles yet.",
  );
}

/** When the staff digest for a cycle goes out: the day after the due date. */
export function digestDay(cycle: ReportingCycle, timeZone: string): string {
  return formatLocal(
    DateTime.fromJSDate(cycle.dueAt, { zone: timeZone }).plus({ days: 1 }).toJSDate(),
    timeZone,
    false,
  );
}
