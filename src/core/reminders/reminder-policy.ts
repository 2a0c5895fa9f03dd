import { z } from "zod";

/**
 * Per-programme reminder policy, from the programme file's `reminders:` section. Every key is optional;
 * defaults apply. (The reminders feature owns and extends this schema.)
 */
export const reminderPolicySchema = z.object({}).passthrough();

export type ReminderPolicyInput = z.infer<typeof reminderPolicySchema>;
