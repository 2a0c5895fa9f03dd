import type { DateTime } from "luxon";
import type { Channel } from "../programme/types.js";
import { atLocalTime, toLocal } from "./allowed-time.js";
import { type Occasion, type OccasionKind, occasionKey, type PlannerInput, teamTargets } from "./occasion.js";
import { chainExpiry, placeInAllowedTime } from "./place-in-allowed-time.js";

type Offset = { label: string; ideal: DateTime; early: boolean };

/** Day offsets keep the local wall-clock time across a clock change; hour offsets are real hours. */
function sessionOffsets(start: DateTime, input: PlannerInput): Offset[] {
  const { daysBefore, hoursBefore } = input.policy.sessions;
  return [
    ...daysBefore.map((d) => ({ label: `-${d}d`, ideal: start.minus({ days: d }), early: true })),
    ...hoursBefore.map((h) => ({ label: `-${h}h`, ideal: start.minus({ hours: h }), early: false })),
  ];
}

function milestoneOffsets(due: DateTime, input: PlannerInput): Offset[] {
  const { daysBefore, onTheDay, onTheDayAt } = input.policy.milestones;
  const offsets = daysBefore.map((d) => ({ label: `-${d}d`, ideal: due.minus({ days: d }), early: true }));
  if (onTheDay) offsets.push({ label: "on-the-day", ideal: atLocalTime(due, onTheDayAt), early: false });
  return offsets;
}

/** One reminder chain per event, copied to each target channel. */
function planChain(input: {
  planner: PlannerInput;
  kind: OccasionKind;
  subject: string;
  subjectId: string;
  event: DateTime;
  offsets: Offset[];
  targets: Channel[];
}): Occasion[] {
  const { planner, event } = input;
  const rules = planner.policy;
  const placed = chainExpiry(
    input.offsets
      .filter((o) => o.ideal < event)
      .map((o) => ({ item: o, placement: placeInAllowedTime({ ideal: o.ideal, event, rules, early: o.early }) })),
    event,
  );
  const eventIso = event.toUTC().toISO() as string;
  return placed.flatMap(({ item, at, expires, skip }) => {
    const occasion = `${input.subject}:${input.subjectId}@${eventIso}/${item.label}`;
    return input.targets.map((channel) => ({
      key: occasionKey(input.kind, occasion, channel.id),
      kind: input.kind,
      programmeId: planner.programme.id,
      teamId: channel.teamId,
      target: channel.id,
      occasion,
      idealAt: item.ideal.toJSDate(),
      scheduledFor: at.toJSDate(),
      eventAt: event.toJSDate(),
      expiresAt: expires.toJSDate(),
      ...(skip ? { skipReason: skip } : {}),
      payload: {
        kind: input.kind,
        subjectId: input.subjectId,
        eventAt: eventIso,
        expiresAt: expires.toUTC().toISO() as string,
        offset: item.label,
        teamId: channel.teamId,
      },
    }));
  });
}

export function planSessionReminders(input: PlannerInput): Occasion[] {
  const tz = input.programme.timeZone;
  return input.sessions.flatMap((s) => {
    const start = toLocal(s.startsAt, tz);
    return planChain({
      planner: input,
      kind: "session-reminder",
      subject: "session",
      subjectId: s.id,
      event: start,
      offsets: sessionOffsets(start, input),
      targets: teamTargets(input.channels, s.teamId),
    });
  });
}

export function planMilestoneReminders(input: PlannerInput): Occasion[] {
  const tz = input.programme.timeZone;
  return input.milestones.flatMap((m) => {
    const due = toLocal(m.dueAt, tz);
    return planChain({
      planner: input,
      kind: "milestone-reminder",
      subject: "milestone",
      subjectId: m.id,
      event: due,
      offsets: milestoneOffsets(due, input),
      targets: teamTargets(input.channels, m.teamId),
    });
  });
}
