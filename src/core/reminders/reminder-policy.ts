import { z } from "zod";

/**
 * Per-programme reminder policy, from the programme file's `reminders:` section (stored in
 * Programme.settings.reminders). Every key is optional; `parseReminderPolicy` fills in the defaults.
 * Documented in docs/REMINDERS.md.
 */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time like 09:00");
const days = z.array(z.number().int().min(0).max(60)).max(10);
const hours = z.array(z.number().int().min(1).max(72)).max(10);

export const reminderPolicySchema = z
  .object({
    /** Turn every reminder for this programme off (digests and staff notes too). */
    enabled: z.boolean().optional(),
    sessions: z
      .object({
        /** Days before the session, at the same local wall-clock time (1 = the day before). */
        daysBefore: days.optional(),
        /** Real hours before the session. */
        hoursBefore: hours.optional(),
      })
      .strict()
      .optional(),
    milestones: z
      .object({
        daysBefore: days.optional(),
        /** Remind on the day itself, at `onTheDayAt` local time. */
        onTheDay: z.boolean().optional(),
        onTheDayAt: clockTime.optional(),
      })
      .strict()
      .optional(),
    updates: z
      .object({
        /** Announce the cycle (with an Update button) when it opens. */
        announceOpen: z.boolean().optional(),
        /** Nudge teams that have not submitted this many working days before the due date (0 = off). */
        nudgeWorkingDaysBefore: z.number().int().min(0).max(20).optional(),
        nudgeAt: clockTime.optional(),
        /** Final call on the due day to teams that have not submitted. */
        finalCall: z.boolean().optional(),
        finalCallAt: clockTime.optional(),
        /** Tell staff who is late once the grace period ends. */
        lateNoteToStaff: z.boolean().optional(),
        /** Interim "who is missing" note to staff on the due day. */
        missingNoteAt: clockTime.optional(),
        /** Digest to staff the day after the due date. */
        digest: z.boolean().optional(),
        digestAt: clockTime.optional(),
      })
      .strict()
      .optional(),
    quietHours: z.object({ start: clockTime, end: clockTime }).strict().optional(),
    /** Skip weekends (Saturday and Sunday). */
    skipWeekends: z.boolean().optional(),
    /** Bank holidays to avoid (date-holidays country/state), or false for none. */
    bankHolidays: z
      .union([z.literal(false), z.object({ country: z.string().min(2), state: z.string().optional() }).strict()])
      .optional(),
    /** How far back a tick looks for missed reminders after downtime. */
    catchUpHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 31)
      .optional(),
  })
  .strict();

export type ReminderPolicyInput = z.infer<typeof reminderPolicySchema>;

/** The policy with every default applied: what the planner works with. */
export type ReminderPolicy = {
  enabled: boolean;
  sessions: { daysBefore: number[]; hoursBefore: number[] };
  milestones: { daysBefore: number[]; onTheDay: boolean; onTheDayAt: string };
  updates: {
    announceOpen: boolean;
    nudgeWorkingDaysBefore: number;
    nudgeAt: string;
    finalCall: boolean;
    finalCallAt: string;
    lateNoteToStaff: boolean;
    missingNoteAt: string;
    digest: boolean;
    digestAt: string;
  };
  quietHours: { start: string; end: string };
  skipWeekends: boolean;
  bankHolidays: false | { country: string; state?: string };
  catchUpHours: number;
};

export const defaultReminderPolicy: ReminderPolicy = {
  enabled: true,
  sessions: { daysBefore: [1], hoursBefore: [1] },
  milestones: { daysBefore: [7, 1], onTheDay: true, onTheDayAt: "09:00" },
  updates: {
    announceOpen: true,
    nudgeWorkingDaysBefore: 3,
    nudgeAt: "10:00",
    finalCall: true,
    finalCallAt: "09:00",
    lateNoteToStaff: true,
    missingNoteAt: "12:00",
    digest: true,
    digestAt: "09:00",
  },
  quietHours: { start: "20:00", end: "08:00" },
  skipWeekends: true,
  bankHolidays: { country: "GB", state: "ENG" },
  catchUpHours: 72,
};

/**
 * Reads the stored settings leniently: the programme file was validated at import, so anything that
 * fails here now (an older file, a hand-edited row) falls back to the defaults rather than stopping
 * every reminder. `onInvalid` lets the caller log it.
 */
export function parseReminderPolicy(settings: unknown, onInvalid?: (error: z.ZodError) => void): ReminderPolicy {
  const raw = (settings as { reminders?: unknown } | null)?.reminders ?? {};
  const parsed = reminderPolicySchema.safeParse(raw);
  if (!parsed.success) onInvalid?.(parsed.error);
  const input: ReminderPolicyInput = parsed.success ? parsed.data : {};
  const d = defaultReminderPolicy;
  return {
    enabled: input.enabled ?? d.enabled,
    sessions: { ...d.sessions, ...input.sessions },
    milestones: { ...d.milestones, ...input.milestones },
    updates: { ...d.updates, ...input.updates },
    quietHours: input.quietHours ?? d.quietHours,
    skipWeekends: input.skipWeekends ?? d.skipWeekends,
    bankHolidays: input.bankHolidays ?? d.bankHolidays,
    catchUpHours: input.catchUpHours ?? d.catchUpHours,
  };
}
