import { DateTime } from "luxon";
import type { Block, Button, Message } from "../messages/message.js";
import type { CoachingSession, Milestone, ReportingCycle, Team } from "../programme/types.js";
import { monthLabel } from "../updates/cycles.js";

/** "today at 10:00", "tomorrow at 10:00" or "on Wed 12 Oct at 10:00": true whenever the reminder actually goes out. */
export function whenPhrase(now: Date, event: Date, timeZone: string): string {
  const n = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const e = DateTime.fromJSDate(event, { zone: timeZone }).setLocale("en-GB");
  const days = Math.round(e.startOf("day").diff(n, "days").days);
  const time = e.toFormat("HH:mm");
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${e.toFormat("ccc d LLL")} at ${time}`;
}

/** The team's calendar feed (GET /calendar/<token>.ics), for "add to calendar". */
export function calendarUrl(baseUrl: string | undefined, team: Team): string {
  return `${(baseUrl ?? "http://localhost:3978").replace(/\/+$/, "")}/calendar/${team.calendarToken}.ics`;
}

export function sessionReminder(input: {
  session: CoachingSession;
  team: Team | null;
  timeZone: string;
  now: Date;
  baseUrl?: string;
}): Message {
  const { session, timeZone } = input;
  const start = DateTime.fromJSDate(session.startsAt, { zone: timeZone }).setLocale("en-GB");
  const end = start.plus({ minutes: session.durationMinutes });
  const when = whenPhrase(input.now, session.startsAt, timeZone);
  const fields = [
    { label: "Date", value: start.toFormat("cccc d LLLL yyyy") },
    { label: "Time", value: `${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}` },
    ...(session.coach ? [{ label: "Coach", value: session.coach }] : []),
    ...(session.location ? [{ label: "Where", value: session.location }] : []),
    ...(session.joinUrl ? [{ label: "Join", value: [{ link: session.joinUrl, label: "Joining link" }] }] : []),
  ];
  const buttons: Button[] = [];
  if (session.joinUrl) buttons.push({ action: "link.join", label: "Join", url: session.joinUrl });
  if (input.team)
    buttons.push({ action: "link.calendar", label: "Add to calendar", url: calendarUrl(input.baseUrl, input.team) });
  const blocks: Block[] = [
    { type: "header", text: `Coaching session ${when}` },
    { type: "text", text: [{ bold: session.title }] },
    { type: "fields", fields },
  ];
  if (buttons.length) blocks.push({ type: "actions", buttons });
  return { summary: `Reminder: ${session.title} ${when}.`, blocks };
}

export function milestoneReminder(input: { milestone: Milestone; timeZone: string; now: Date }): Message {
  const { milestone, timeZone } = input;
  const when = whenPhrase(input.now, milestone.dueAt, timeZone);
  const blocks: Block[] = [
    { type: "header", text: `Milestone due ${when}` },
    { type: "text", text: [{ bold: milestone.title }] },
  ];
  if (milestone.description) blocks.push({ type: "text", text: milestone.description });
  return { summary: `Reminder: ${milestone.title} is due ${when}.`, blocks };
}

const updateButton = (cycle: ReportingCycle): Button => ({
  action: "update.open",
  label: "Update",
  value: cycle.month,
  style: "primary",
});

/** Cycle open, nudge and final call: the same shape, different urgency. */
export function updateReminder(input: {
  step: "open" | "nudge" | "final-call";
  cycle: ReportingCycle;
  timeZone: string;
  now: Date;
}): Message {
  const label = monthLabel(input.cycle.month);
  const when = whenPhrase(input.now, input.cycle.dueAt, input.timeZone);
  const header =
    input.step === "open"
      ? `The ${label} progress update is open`
      : input.step === "nudge"
        ? `Reminder: the ${label} update is due ${when}`
        : `Final call: the ${label} update is due ${when}`;
  const text =
    input.step === "open"
      ? `Please send your team's ${label} progress update by ${when.replace(/^on /, "")}. It takes about ten minutes.`
      : `We haven't had your team's ${label} update yet. It is due ${when}.`;
  return {
    summary: `${header}.`,
    blocks: [
      { type: "header", text: header },
      { type: "text", text },
      { type: "actions", buttons: [updateButton(input.cycle)] },
    ],
  };
}

export function lateNote(input: { cycle: ReportingCycle; late: Team[]; total: number }): Message {
  const label = monthLabel(input.cycle.month);
  const head = `${input.late.length} of ${input.total} teams have not sent their ${label} update and the grace period has ended`;
  return {
    summary: `${head}: ${input.late.map((t) => t.name).join(", ")}.`,
    blocks: [
      { type: "header", text: `Late ${label} updates` },
      { type: "text", text: `${head}:` },
      { type: "list", items: input.late.map((t) => t.name) },
      { type: "context", text: "Staff can reopen the form for a team with `unlock`." },
    ],
  };
}
