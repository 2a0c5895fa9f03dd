import { DateTime } from "luxon";
import { type Clock, systemClock } from "../../core/ports/clock.js";
import type { Programme } from "../../core/programme/types.js";

/**
 * The playground's movable clock: real time plus an offset, so after "jump to 29 Nov 09:00" time keeps
 * running from there. main.ts installs it as deps.clock only when no Slack or Teams is configured, so a
 * jump can never move time for a real workspace.
 */
export type PlaygroundClock = Clock & {
  readonly adjustable: true;
  jumpTo(at: Date): void;
};

export function createPlaygroundClock(base: Clock = systemClock): PlaygroundClock {
  let offsetMs = 0;
  return {
    adjustable: true,
    now: () => new Date(base.now().getTime() + offsetMs),
    jumpTo(at) {
      offsetMs = at.getTime() - base.now().getTime();
    },
  };
}

export function isPlaygroundClock(clock: Clock): clock is PlaygroundClock {
  return (
    (clock as Partial<PlaygroundClock>).adjustable === true && typeof (clock as PlaygroundClock).jumpTo === "function"
  );
}

/**
 * Where the demo starts: now, if now falls inside the programme. Otherwise (a newcomer in a later year)
 * where the README's tour works: the first monthly update's opening time, when the teams get the "update is
 * open" announcement and `update` opens the form (Mon 24 Oct 2022, 09:00 for the seed); without reporting
 * cycles, 09:00 on the programme's first weekday.
 */
export function startingTime(
  programme: Pick<Programme, "startsOn" | "endsOn" | "timeZone">,
  now: Date,
  firstCycleOpensAt?: Date | null,
): Date {
  const zone = programme.timeZone;
  // Programme dates are calendar days stored as UTC midnight: read the day, then place it in the zone.
  const day = (d: Date) => DateTime.fromISO(d.toISOString().slice(0, 10), { zone });
  const first = day(programme.startsOn);
  const afterLast = day(programme.endsOn).plus({ days: 1 });
  const current = DateTime.fromJSDate(now, { zone });
  if (current >= first && current < afterLast) return now;
  if (firstCycleOpensAt) {
    const opens = DateTime.fromJSDate(firstCycleOpensAt, { zone });
    if (opens >= first && opens < afterLast) return firstCycleOpensAt;
  }
  let start = first.set({ hour: 9 });
  while (start.weekday >= 6) start = start.plus({ days: 1 });
  return start.toJSDate();
}

/**
 * Where the clock starts for this data: startingTime, unless the tour has already been walked on it. Then it
 * resumes at the last message sent: starting over at the first update would show none of what was already
 * sent, and nothing would come again (the outbox sends each occasion once), so the demo would look broken.
 */
export function resumeOrStart(
  programme: Pick<Programme, "startsOn" | "endsOn" | "timeZone">,
  now: Date,
  firstCycleOpensAt: Date | null | undefined,
  lastSentAt: Date | null,
): { at: Date; resumed: boolean } {
  const start = startingTime(programme, now, firstCycleOpensAt);
  return lastSentAt && lastSentAt > start ? { at: lastSentAt, resumed: true } : { at: start, resumed: false };
}
