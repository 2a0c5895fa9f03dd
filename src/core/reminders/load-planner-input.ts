import type { CoreDeps } from "../deps.js";
import type { Platform, Programme } from "../programme/types.js";
import type { PlannerInput } from "./occasion.js";
import type { ReminderFacts } from "./reminder-facts.js";
import { parseReminderPolicy } from "./reminder-policy.js";

const DAY = 86_400_000;

/**
 * Loads what the pure planner needs for one programme around `now`: only events whose reminders can fall
 * inside the catch-up window, active channels only, and (for the server) only platforms with a gateway.
 */
export async function loadPlannerInput(input: {
  deps: CoreDeps;
  facts: ReminderFacts;
  programme: Programme;
  now: Date;
  /** Platforms to target; undefined = every platform (the CLI dry run). */
  platforms?: Platform[];
}): Promise<PlannerInput> {
  const { deps, facts, programme, now } = input;
  const policy = parseReminderPolicy(programme.settings, (error) =>
    deps.logger.warn({ programme: programme.slug, issues: error.issues }, "invalid reminder policy; using defaults"),
  );
  // Reminders go out before an event (at most the largest offset, plus a few days when a holiday moves one
  // earlier) and can be caught up for catchUpHours after their time.
  const leadDays = Math.max(0, ...policy.sessions.daysBefore, ...policy.milestones.daysBefore) + 10;
  const from = new Date(now.getTime() - policy.catchUpHours * 3_600_000 - DAY);
  const to = new Date(now.getTime() + leadDays * DAY);
  const [teams, channels, sessions, milestones, cycles] = await Promise.all([
    deps.programmes.listTeams(programme.id),
    deps.programmes.listChannels(programme.id),
    deps.programmes.listSessions(programme.id, { from, to }),
    deps.programmes.listMilestones(programme.id, { from, to }),
    deps.programmes.listCycles(programme.id),
  ]);
  // A cycle matters from its opening until a week after it locks (digest and late note catch-up).
  const relevant = cycles.filter(
    (c) => c.opensAt <= to && c.dueAt.getTime() + (c.graceDays + 9) * DAY >= from.getTime(),
  );
  return {
    programme,
    policy,
    teams,
    channels: channels.filter((c) => c.active && (!input.platforms || input.platforms.includes(c.platform))),
    sessions,
    milestones,
    cycles: relevant,
    submitted: await facts.submittedPairs(relevant.map((c) => c.id)),
  };
}
