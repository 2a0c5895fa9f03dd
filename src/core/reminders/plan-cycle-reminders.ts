import type { DateTime } from "luxon";
import { type Channel, cycleLocksAt, type ReportingCycle } from "../programme/types.js";
import { atLocalTime, toLocal, workingDaysBefore } from "./allowed-time.js";
import {
  type Occasion,
  type OccasionKind,
  occasionKey,
  type PlannerInput,
  staffTargets,
  submittedKey,
  teamTargets,
} from "./occasion.js";
import { chainExpiry, placeInAllowedTime } from "./place-in-allowed-time.js";

type Step = { kind: OccasionKind; label: string; ideal: DateTime; early: boolean };

/** How long a staff note after the deadline (digest, late list) stays worth sending after downtime. */
const STAFF_NOTE_USEFUL_DAYS = 7;

function occasionsFor(input: {
  planner: PlannerInput;
  cycle: ReportingCycle;
  steps: Step[];
  event: DateTime;
  targets: Channel[];
  skipFor?: (channel: Channel) => string | undefined;
}): Occasion[] {
  const { planner, cycle, event } = input;
  const placed = chainExpiry(
    input.steps
      .filter((s) => s.ideal < event)
      .map((s) => ({
        item: s,
        placement: placeInAllowedTime({ ideal: s.ideal, event, rules: planner.policy, early: s.early }),
      })),
    event,
  );
  const eventIso = toLocal(cycle.dueAt, "UTC").toISO() as string;
  return placed.flatMap(({ item, at, expires, skip }) => {
    const occasion = `cycle:${cycle.id}@${eventIso}/${item.label}`;
    return input.targets.map((channel) => {
      const reason = skip ?? input.skipFor?.(channel);
      return {
        key: occasionKey(item.kind, occasion, channel.id),
        kind: item.kind,
        programmeId: planner.programme.id,
        teamId: channel.teamId,
        target: channel.id,
        occasion,
        idealAt: item.ideal.toJSDate(),
        scheduledFor: at.toJSDate(),
        eventAt: cycle.dueAt,
        expiresAt: expires.toJSDate(),
        ...(reason ? { skipReason: reason } : {}),
        payload: {
          kind: item.kind,
          subjectId: cycle.id,
          eventAt: eventIso,
          expiresAt: expires.toUTC().toISO() as string,
          offset: item.label,
          teamId: channel.teamId,
          month: cycle.month,
        },
      };
    });
  });
}

/** Cycle opens, nudge N working days before, final call on the due day: to teams that have not submitted. */
function teamSteps(cycle: ReportingCycle, input: PlannerInput): Step[] {
  const u = input.policy.updates;
  const due = toLocal(cycle.dueAt, input.programme.timeZone);
  const steps: Step[] = [];
  if (u.announceOpen)
    steps.push({
      kind: "cycle-open",
      label: "open",
      ideal: toLocal(cycle.opensAt, input.programme.timeZone),
      early: false,
    });
  if (u.nudgeWorkingDaysBefore > 0)
    steps.push({
      kind: "cycle-nudge",
      label: `nudge-${u.nudgeWorkingDaysBefore}wd`,
      ideal: atLocalTime(workingDaysBefore(due, u.nudgeWorkingDaysBefore, input.policy), u.nudgeAt),
      early: true,
    });
  if (u.finalCall)
    steps.push({ kind: "cycle-final-call", label: "final-call", ideal: atLocalTime(due, u.finalCallAt), early: true });
  return steps;
}

export function planCycleReminders(input: PlannerInput): Occasion[] {
  const u = input.policy.updates;
  const tz = input.programme.timeZone;
  const staff = staffTargets(input.channels);
  return input.cycles.flatMap((cycle) => {
    const due = toLocal(cycle.dueAt, tz);
    const team = occasionsFor({
      planner: input,
      cycle,
      steps: teamSteps(cycle, input),
      event: due,
      targets: teamTargets(input.channels, null),
      skipFor: (channel) =>
        channel.teamId && input.submitted.has(submittedKey(cycle.id, channel.teamId))
          ? "the team has already submitted its update"
          : undefined,
    });
    const missing = occasionsFor({
      planner: input,
      cycle,
      steps: [
        { kind: "cycle-missing-note", label: "missing-note", ideal: atLocalTime(due, u.missingNoteAt), early: false },
      ],
      event: due,
      targets: staff,
    });
    const after: Step[] = [];
    if (u.digest)
      after.push({
        kind: "cycle-digest",
        label: "digest",
        ideal: atLocalTime(due.plus({ days: 1 }), u.digestAt),
        early: false,
      });
    if (u.lateNoteToStaff)
      after.push({
        kind: "cycle-late-note",
        label: "late-note",
        ideal: toLocal(cycleLocksAt(cycle), tz),
        early: false,
      });
    // Each staff note after the deadline is its own chain: neither supersedes the other.
    const staffAfter = after.flatMap((step) =>
      occasionsFor({
        planner: input,
        cycle,
        steps: [step],
        event: step.ideal.plus({ days: STAFF_NOTE_USEFUL_DAYS }),
        targets: staff,
      }),
    );
    return [...team, ...missing, ...staffAfter];
  });
}
