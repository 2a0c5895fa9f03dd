import type { z } from "zod";
import { parseLocalTime } from "./local-time.js";
import { DEFAULT_DUE_TIME, DEFAULT_OPENS_TIME } from "./programme-defaults.js";
import type { ProgrammeFile } from "./programme-file.js";

type Ctx = z.RefinementCtx;

/** Cross-field rules zod cannot express per field: unique keys, known team references, sane dates. */
export function checkReferences(file: ProgrammeFile, ctx: Ctx): void {
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
  const coachKeys = new Set(file.coaches.map((c) => c.key));
  file.teams.forEach((t, ti) => {
    if (t.coach !== undefined && !coachKeys.has(t.coach))
      ctx.addIssue({
        code: "custom",
        path: ["teams", ti, "coach"],
        message: `"${t.coach}" is not one of the programme's coaches (known: ${[...coachKeys].join(", ") || "none"})`,
      });
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
