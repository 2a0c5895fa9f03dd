import { z } from "zod";
import { reminderPolicySchema } from "../reminders/reminder-policy.js";
import { isValidTimeZone } from "./local-time.js";
import { checkReferences } from "./programme-file-rules.js";

/**
 * The programme file (YAML) as the core validates it. Documented in docs/PROGRAMME-FILE.md; the seed is
 * prisma/seed/sp-innovators.yaml. Times without an offset are wall-clock times in the programme zone.
 */
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use lower-case letters, digits and dashes (e.g. tower-hamlets)");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2022-10-01");
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/, "use a time like 2022-10-12 10:00");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use a month like 2022-10");
const pounds = z.number().int("whole pounds, no pence").min(0, "must be 0 or more");

const identities = {
  email: z.string().email("not an email address").optional(),
  /** Slack user id, e.g. U012ABCDEF */
  slack: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, "a Slack user id looks like U012ABCDEF")
    .optional(),
  /** Teams: the user's Microsoft Entra (AAD) object id */
  teams: z.string().min(3).optional(),
};

const person = z.object({ key, name: text(120), ...identities }).strict();

const channel = z
  .object({
    platform: z.enum(["slack", "teams"]),
    id: text(200),
    name: z.string().max(120).optional(),
  })
  .strict();

export const programmeFileSchema = z
  .object({
    version: z.literal(1).default(1),
    programme: z
      .object({
        slug: key,
        name: text(200),
        organisation: z.string().max(200).default(""),
        timeZone: z.string().default("Europe/London").refine(isValidTimeZone, "not a time zone (e.g. Europe/London)"),
        starts: dateOnly,
        ends: dateOnly,
        grantPerTeam: pounds.default(0),
        totalFunding: pounds.default(0),
        sampleData: z.boolean().default(false),
        reminders: reminderPolicySchema.optional(),
        /** Who may ask the FAQ: anyone in the workspace (default) or only people in the programme. */
        faqAudience: z.enum(["everyone", "members"]).default("everyone"),
      })
      .strict(),
    staff: z.array(person).default([]),
    coaches: z.array(person).default([]),
    staffChannels: z.array(channel).default([]),
    teams: z
      .array(
        z
          .object({
            key,
            name: text(200),
            borough: z.string().max(120).default(""),
            project: z.string().max(2000).default(""),
            award: pounds.optional(),
            /** Key of the team's QI coach (one of `coaches:`). */
            coach: key.optional(),
            channels: z.array(channel).default([]),
            members: z.array(person).default([]),
          })
          .strict(),
      )
      .min(1, "a programme needs at least one team"),
    coachingSessions: z
      .array(
        z
          .object({
            key,
            title: text(200),
            team: key.optional(),
            starts: dateTime,
            minutes: z.number().int().min(5).max(600).default(60),
            coach: z.string().max(120).default(""),
            joinUrl: z.string().url("not a URL").optional(),
            location: z.string().max(200).optional(),
          })
          .strict(),
      )
      .default([]),
    milestones: z
      .array(
        z
          .object({
            key,
            title: text(200),
            team: key.optional(),
            due: dateTime,
            description: z.string().max(2000).default(""),
          })
          .strict(),
      )
      .default([]),
    reportingCycles: z
      .array(
        z
          .object({
            month,
            opens: dateTime,
            due: dateTime,
            graceDays: z.number().int().min(0).max(31).default(3),
          })
          .strict(),
      )
      .default([]),
    faq: z
      .array(
        z
          .object({
            key,
            question: text(500),
            answer: text(4000),
            alternatives: z.array(text(500)).default([]),
            tags: z.array(text(60)).default([]),
            source: z.string().max(500).default(""),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((file, ctx) => checkReferences(file, ctx));

export type ProgrammeFile = z.infer<typeof programmeFileSchema>;

export { DEFAULT_DUE_TIME, DEFAULT_OPENS_TIME } from "./programme-defaults.js";
