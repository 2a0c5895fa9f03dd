import type { CoreDeps } from "../deps.js";
import { buildDigest } from "../digests/build-digest.js";
import { buildMissingNote } from "../digests/build-missing-note.js";
import { lastDigestPost } from "../digests/digest-posts.js";
import type { DeliveryRenderer, RenderResult } from "../outbox/dispatch-deliveries.js";
import { formatLocal } from "../programme/local-time.js";
import type { Channel } from "../programme/types.js";
import { type OccasionPayload, submittedKey } from "./occasion.js";
import type { ReminderFacts } from "./reminder-facts.js";
import { lateNote, milestoneReminder, sessionReminder, updateReminder } from "./reminder-messages.js";

/**
 * Builds a reminder at send time from the latest data, re-checking that it still applies: a cancelled or
 * moved session, a team that submitted since it was planned, a cycle with nobody missing — each becomes
 * a skip with a reason instead of a wrong message.
 */
export function occasionRenderer(deps: CoreDeps, facts: ReminderFacts): DeliveryRenderer {
  return async ({ delivery, channel, now }) => {
    const payload = delivery.payload as OccasionPayload | null;
    if (!payload?.kind) return { skip: `nothing to send for kind ${delivery.kind}` };
    const programme = await deps.programmes.getProgramme(delivery.programmeId);
    if (!programme) return { skip: "the programme no longer exists" };
    const tz = programme.timeZone;
    const base = { deps, facts, payload, channel, now, tz };
    switch (payload.kind) {
      case "session-reminder":
        return renderSession(base);
      case "milestone-reminder": {
        const milestone = await facts.getMilestone(payload.subjectId);
        if (!milestone) return { skip: "the milestone was removed" };
        if (milestone.dueAt.toISOString() !== new Date(payload.eventAt).toISOString())
          return { skip: "the milestone moved; the new date has its own reminders" };
        return { message: milestoneReminder({ milestone, timeZone: tz, now }) };
      }
      case "cycle-open":
      case "cycle-nudge":
      case "cycle-final-call":
        return renderTeamCycle(base);
      case "cycle-missing-note": {
        const note = await buildMissingNote({ deps, programmeId: programme.id, month: payload.month ?? "" });
        return note ? { message: note } : { skip: "every team has submitted" };
      }
      case "cycle-digest": {
        const month = payload.month ?? "";
        // One digest per cycle: a staff member already posted this month's digest by hand after the due
        // date. A post before it showed an incomplete month, so the scheduled digest still goes out.
        const earlier = await lastDigestPost({
          deps,
          programmeId: programme.id,
          month,
          byStaffOnly: true,
          since: new Date(payload.eventAt),
        });
        if (earlier) return { skip: `already posted by ${earlier.by} at ${formatLocal(earlier.at, tz)}` };
        return { message: await buildDigest({ deps, programmeId: programme.id, month }) };
      }
      case "cycle-late-note":
        return renderLateNote(base);
    }
  };
}

type Base = {
  deps: CoreDeps;
  facts: ReminderFacts;
  payload: OccasionPayload;
  channel: Channel;
  now: Date;
  tz: string;
};

async function renderSession({ deps, facts, payload, channel, now, tz }: Base): Promise<RenderResult> {
  const session = await facts.getSession(payload.subjectId);
  if (!session) return { skip: "the session was cancelled" };
  if (session.startsAt.toISOString() !== new Date(payload.eventAt).toISOString())
    return { skip: "the session moved; the new time has its own reminders" };
  const team = channel.teamId ? await deps.programmes.getTeam(channel.teamId) : null;
  return { message: sessionReminder({ session, team, timeZone: tz, now, baseUrl: deps.publicUrl }) };
}

async function renderTeamCycle({ deps, facts, payload, channel, now, tz }: Base): Promise<RenderResult> {
  const cycle = await deps.programmes.getCycleById(payload.subjectId);
  if (!cycle) return { skip: "the reporting cycle was removed" };
  if (channel.teamId && (await facts.submittedPairs([cycle.id])).has(submittedKey(cycle.id, channel.teamId)))
    return { skip: "the team has already submitted its update" };
  const step = payload.kind === "cycle-open" ? "open" : payload.kind === "cycle-nudge" ? "nudge" : "final-call";
  return { message: updateReminder({ step, cycle, timeZone: tz, now }) };
}

async function renderLateNote({ deps, facts, payload }: Base): Promise<RenderResult> {
  const cycle = await deps.programmes.getCycleById(payload.subjectId);
  if (!cycle) return { skip: "the reporting cycle was removed" };
  const teams = await deps.programmes.listTeams(cycle.programmeId);
  const submitted = await facts.submittedPairs([cycle.id]);
  const late = teams.filter((t) => !submitted.has(submittedKey(cycle.id, t.id)));
  if (late.length === 0) return { skip: "every team submitted" };
  return { message: lateNote({ cycle, late, total: teams.length }) };
}
