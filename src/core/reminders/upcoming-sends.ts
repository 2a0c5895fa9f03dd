import type { CoreDeps } from "../deps.js";
import type { Platform, Programme } from "../programme/types.js";
import { loadPlannerInput } from "./load-planner-input.js";
import type { Occasion } from "./occasion.js";
import { planOccasions } from "./plan-occasions.js";
import type { ReminderFacts } from "./reminder-facts.js";

/** One thing the scheduler will send at `at`: one occasion (a reminder, a note, a digest) to its channels. */
export type UpcomingSend = {
  at: Date;
  kind: string;
  /** The offset label ("-1d", "-1h", "on-the-day", "nudge-3wd", "digest"…); null for other outbox rows. */
  offset: string | null;
  subjectId: string | null;
  month: string | null;
  /** Teams it goes to (null = staff channels). */
  teamIds: (string | null)[];
};

const WEEK = 7 * 86_400_000;

/**
 * What the scheduler will send after `after`, earliest first, from the same plan the ticks use (so the
 * times already respect quiet hours, weekends and bank holidays), plus rows already waiting in the outbox
 * (deferred or retrying). Scans a week at a time and stops once `enough` says so, or after the programme.
 */
export async function upcomingSends(input: {
  deps: CoreDeps;
  facts: ReminderFacts;
  programme: Programme;
  after: Date;
  platforms?: Platform[];
  enough?: (found: UpcomingSend[]) => boolean;
}): Promise<UpcomingSend[]> {
  const { deps, facts, programme, after } = input;
  const groups = new Map<string, UpcomingSend>();
  const add = (id: string, at: Date, item: Omit<UpcomingSend, "at" | "teamIds">, teamId: string | null) => {
    const key = `${at.toISOString()}|${id}`;
    const group = groups.get(key) ?? { ...item, at, teamIds: [] };
    if (!group.teamIds.includes(teamId)) group.teamIds.push(teamId);
    groups.set(key, group);
  };
  const sorted = () => [...groups.values()].sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const d of deps.deliveries
    ? await deps.deliveries.list({ programmeId: programme.id, statuses: ["pending"] })
    : []) {
    const notBefore = d.nextAttemptAt ?? d.scheduledFor;
    if (notBefore <= after) continue;
    const payload = (d.payload ?? {}) as { offset?: string; subjectId?: string; month?: string };
    const item = { kind: d.kind, offset: payload.offset ?? null, subjectId: payload.subjectId ?? null };
    add(`${d.kind}:${d.occasion}`, notBefore, { ...item, month: payload.month ?? null }, d.teamId);
  }

  const end = programme.endsOn.getTime() + 5 * WEEK;
  for (let start = after.getTime(); start <= end; start += WEEK) {
    const planner = await loadPlannerInput({
      deps,
      facts,
      programme,
      now: new Date(start),
      platforms: input.platforms,
    });
    const inWindow = planOccasions(planner).filter(
      (o) => !o.skipReason && o.scheduledFor > after && o.scheduledFor.getTime() <= start + WEEK,
    );
    const known = deps.deliveries ? await deps.deliveries.existingKeys(inWindow.map((o) => o.key)) : new Set();
    for (const o of inWindow.filter((o) => !known.has(o.key))) addOccasion(o);
    if (input.enough ? input.enough(sorted()) : groups.size > 0) break;
  }
  return sorted();

  function addOccasion(o: Occasion) {
    const item = {
      kind: o.kind,
      offset: o.payload.offset,
      subjectId: o.payload.subjectId,
      month: o.payload.month ?? null,
    };
    add(`${o.kind}:${o.occasion}`, o.scheduledFor, item, o.teamId);
  }
}
