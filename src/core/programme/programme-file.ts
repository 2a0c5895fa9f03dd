import { z } from "zod";
import { reminderPolicySchema } from "../reminders/reminder-policy.js";
import { isValidTimeZone, parseLocalTime } from "./local-time.js";

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

/** Wall-clock times used when the file gives a bare date. */
export const DEFAULT_OPENS_TIME = "09:00";
export const DEFAULT_DUE_TIME = "17:00";
export const DEFAULT_SESSION_TIME = "10:00";

type Ctx = z.RefinementCtx;

/** Cross-field rules zod cannot express per field: unique keys, known team references, sane dates. */
function checkReferences(file: ProgrammeFile, ctx: Ctx): void {
  const tz = file.programme.timeZone;
  const teamKeys = new Set(file.teams.map((t) => t.key));
  const dupes = (items: { key: string }[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key))
        ctx.addIssue({ code: "custom", path: [...path, i, "key"], message: `duplicate ${what} key "${item.key}"` });
      seen.add(item.key);
    });
  };
  dupes(file.teams, ["teams"], "team");
  dupes(file.coachingSessions, ["coachingSessions"], "session");
  dupes(file.milestones, ["milestones"], "milestone");
  dupes(file.faq, ["faq"], "FAQ");

  const teamNames = new Set<string>();
  file.teams.forEach((t, i) => {
    const name = t.name.toLowerCase();
    if (teamNames.has(name))
      ctx.addIssue({ code: "custom", path: ["teams", i, "name"], message: `duplicate team name "${t.name}"` });
    teamNames.add(name);
    if (t.award !== undefined && file.programme.grantPerTeam > 0 && t.award > file.programme.grantPerTeam) {
      ctx.addIssue({
        code: "custom",
        path: ["teams", i, "award"],
        message: `award £${t.award} is above the programme's grant per team (£${file.programme.grantPerTeam})`,
      });
    }
  });

  // A person key is unique across staff, coaches and every team's members.
  const people = new Map<string, string>();
  const checkPerson = (p: { key: string }, path: (string | number)[]) => {
    if (people.has(p.key))
      ctx.addIssue({
        code: "custom",
        path: [...path, "key"],
        message: `duplicate person key "${p.key}" (also in ${people.get(p.key)})`,
      });
    people.set(p.key, path.join("."));
  };
  // A Slack or Teams user id belongs to one person; a channel id to one team.
  const ids = new Map<string, string>();
  const checkIds = (p: { slack?: string; teams?: string }, path: (string | number)[]) => {
    for (const platform of ["slack", "teams"] as const) {
      const id = p[platform];
      if (!id) continue;
      const seenAt = ids.get(`${platform}:${id}`);
      if (seenAt)
        ctx.addIssue({
          code: "custom",
          path: [...path, platform],
          message: `${platform} id "${id}" is already used by ${seenAt}`,
        });
      ids.set(`${platform}:${id}`, path.join("."));
    }
  };
  const channelIds = new Map<string, string>();
  const checkChannel = (c: { platform: string; id: string }, path: (string | number)[]) => {
    const seenAt = channelIds.get(`${c.platform}:${c.id}`);
    if (seenAt)
      ctx.addIssue({
        code: "custom",
        path: [...path, "id"],
        message: `channel "${c.id}" is already used by ${seenAt}`,
      });
    channelIds.set(`${c.platform}:${c.id}`, path.join("."));
  };
  file.staffChannels.forEach((c, i) => {
    checkChannel(c, ["staffChannels", i]);
  });
  file.teams.forEach((t, ti) => {
    t.channels.forEach((c, i) => {
      checkChannel(c, ["teams", ti, "channels", i]);
    });
  });
  const totalAwards = file.teams.reduce((sum, t) => sum + (t.award ?? file.programme.grantPerTeam), 0);
  if (file.programme.totalFunding > 0 && totalAwards > file.programme.totalFunding) {
    ctx.addIssue({
      code: "custom",
      path: ["teams"],
      message: `team awards add up to £${totalAwards}, more than totalFunding £${file.programme.totalFunding}`,
    });
  }
  file.staff.forEach((p, i) => {
    checkPerson(p, ["staff", i]);
    checkIds(p, ["staff", i]);
  });
  file.coaches.forEach((p, i) => {
    checkPerson(p, ["coaches", i]);
    checkIds(p, ["coaches", i]);
  });
  file.teams.forEach((t, ti) => {
    t.members.forEach((p, i) => {
      checkPerson(p, ["teams", ti, "members", i]);
      checkIds(p, ["teams", ti, "members", i]);
    });
  });

  const teamRef = (team: string | undefined, path: (string | number)[]) => {
    if (team !== undefined && !teamKeys.has(team))
      ctx.addIssue({ code: "custom", path, message: `unknown team "${team}" (known: ${[...teamKeys].join(", ")})` });
  };
  const time = (value: string, path: (string | number)[]) => {
    if (!parseLocalTime(value, tz))
      ctx.addIssue({ code: "custom", path, message: `"${value}" is not a real date/time` });
  };
  file.coachingSessions.forEach((s, i) => {
    teamRef(s.team, ["coachingSessions", i, "team"]);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s.starts))
      ctx.addIssue({
        code: "custom",
        path: ["coachingSessions", i, "starts"],
        message: "give a start time too, e.g. 2022-10-12 10:00",
      });
    else time(s.starts, ["coachingSessions", i, "starts"]);
  });
  file.milestones.forEach((m, i) => {
    teamRef(m.team, ["milestones", i, "team"]);
    time(m.due, ["milestones", i, "due"]);
  });
  const months = new Set<string>();
  file.reportingCycles.forEach((c, i) => {
    if (months.has(c.month))
      ctx.addIssue({ code: "custom", path: ["reportingCycles", i, "month"], message: `duplicate cycle ${c.month}` });
    months.add(c.month);
    time(c.opens, ["reportingCycles", i, "opens"]);
    time(c.due, ["reportingCycles", i, "due"]);
    // Same defaults as the importer: a bare date opens at 09:00 and is due at 17:00.
    const opens = parseLocalTime(c.opens, tz, DEFAULT_OPENS_TIME);
    const due = parseLocalTime(c.due, tz, DEFAULT_DUE_TIME);
    if (opens && due && opens >= due)
      ctx.addIssue({ code: "custom", path: ["reportingCycles", i, "due"], message: "due must be after opens" });
  });
  time(file.programme.starts, ["programme", "starts"]);
  time(file.programme.ends, ["programme", "ends"]);
  if (file.programme.starts > file.programme.ends) {
    ctx.addIssue({ code: "custom", path: ["programme", "ends"], message: "ends must be on or after starts" });
  }
}
