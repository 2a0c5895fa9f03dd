import fs from "node:fs";
import type { Command } from "commander";
import { buildCalendar } from "../../core/reminders/build-team-calendar.js";
import { parseIcsSessions } from "../../core/reminders/parse-ics-sessions.js";
import { upsertIcsSessions } from "../../db/repositories/reminder-session-import.js";
import { CliInputError } from "../cli-error.js";
import { type CliContext, withCliDatabase } from "../open-cli-database.js";
import { pickProgramme } from "./pick-programme.js";

async function findTeam(ctx: CliContext, programmeId: string, key: string | undefined) {
  if (!key) return undefined;
  const teams = await ctx.deps.programmes.listTeams(programmeId);
  const team = teams.find((t) => t.key === key);
  if (!team) throw new CliInputError(`no team "${key}" (known: ${teams.map((t) => t.key).join(", ")})`);
  return team;
}

/** `cohort calendar import` and the .ics branch of `cohort import`. */
export async function importIcsFile(
  file: string,
  opts: { programme?: string; team?: string; json?: boolean },
): Promise<void> {
  if (!fs.existsSync(file)) throw new CliInputError(`${file}: no such file`);
  const text = fs.readFileSync(file, "utf8");
  const result = await withCliDatabase({ seed: false }, async (ctx) => {
    if (!opts.programme) throw new CliInputError("an .ics import needs --programme <slug>");
    const programme = await pickProgramme(ctx.deps, opts.programme);
    const team = await findTeam(ctx, programme.id, opts.team);
    const sessions = parseIcsSessions(text, programme.timeZone);
    if (sessions.length === 0) throw new CliInputError(`${file}: no events found`);
    const counts = await upsertIcsSessions(ctx.db.prisma, {
      programmeId: programme.id,
      teamId: team?.id ?? null,
      sessions,
    });
    await ctx.deps.audit.record({
      programmeId: programme.id,
      actor: "cli",
      action: "calendar.import",
      subject: file,
      details: { ...counts, team: team?.key ?? null },
    });
    return { programme: programme.slug, team: team?.key ?? null, sessions: sessions.length, ...counts };
  });
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `Imported ${result.sessions} session(s) from ${file} into ${result.programme}${result.team ? ` for ${result.team}` : " (programme-wide)"}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged\n`,
    );
}

export function registerCalendar(program: Command): void {
  const calendar = program.command("calendar").description("iCalendar export and import");
  calendar
    .command("export")
    .description("print the sessions and milestones as iCalendar (one team's, or the whole programme's)")
    .option("--programme <slug>", "programme (default: the first)")
    .option("--team <key>", "only this team's calendar (what its feed URL serves)")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (opts: { programme?: string; team?: string; out?: string }) => {
      const text = await withCliDatabase({ seed: true }, async (ctx) => {
        const programme = await pickProgramme(ctx.deps, opts.programme);
        const team = await findTeam(ctx, programme.id, opts.team);
        return buildCalendar({ deps: ctx.deps, programmeId: programme.id, team });
      });
      if (opts.out) fs.writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
  calendar
    .command("import")
    .description("add or update coaching sessions from an .ics file")
    .argument("<file>", "an iCalendar file (.ics)")
    .requiredOption("--programme <slug>", "programme to add the sessions to")
    .option("--team <key>", "the team the sessions are for (default: programme-wide)")
    .option("--json", "print the summary as JSON")
    .action(importIcsFile);
}
