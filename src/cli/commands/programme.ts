import type { Command } from "commander";
import { formatLocal } from "../../core/programme/local-time.js";
import { withCliProgramme } from "./pick-programme.js";

export function registerProgramme(program: Command): void {
  const programme = program.command("programme").description("inspect programmes");
  programme
    .command("show")
    .description("show a programme: teams, people, sessions, milestones, cycles")
    .argument("[slug]", "programme slug (default: the only or first programme)")
    .option("--json", "print as JSON")
    .action(async (slug: string | undefined, opts: { json?: boolean }) => {
      await withCliProgramme(slug, async ({ deps, programme: p }) => {
        const [teams, members, sessions, milestones, cycles] = await Promise.all([
          deps.programmes.listTeams(p.id),
          deps.programmes.listMembers(p.id),
          deps.programmes.listSessions(p.id),
          deps.programmes.listMilestones(p.id),
          deps.programmes.listCycles(p.id),
        ]);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ programme: p, teams, members, sessions, milestones, cycles })}\n`);
          return;
        }
        const tz = p.timeZone;
        const coachOf = (t: (typeof teams)[number]) => {
          const coach = t.coachId ? members.find((m) => m.id === t.coachId) : undefined;
          return coach ? `, coach ${coach.name}` : "";
        };
        const out = [
          `${p.name} (${p.slug}) — ${p.organisation}`,
          `  ${p.startsOn.toISOString().slice(0, 10)} to ${p.endsOn.toISOString().slice(0, 10)}, time zone ${tz}, grant up to £${p.grantPerTeam.toLocaleString("en-GB")} per team, £${p.totalFunding.toLocaleString("en-GB")} in all`,
          `Teams (${teams.length}):`,
          ...teams.map(
            (t) =>
              `  ${t.key.padEnd(22)} ${t.name} — ${t.borough}, award £${t.award.toLocaleString("en-GB")}${coachOf(t)}${t.sampleData ? " [sample data]" : ""}`,
          ),
          `People: ${members.length} (${members.filter((m) => m.role === "staff").length} staff, ${members.filter((m) => m.role === "coach").length} coaches)`,
          `Coaching sessions: ${sessions.length}; milestones: ${milestones.length}`,
          ...milestones.map((m) => `  ${formatLocal(m.dueAt, tz)}  ${m.title}`),
          `Reporting cycles (${cycles.length}):`,
          ...cycles.map(
            (c) =>
              `  ${c.month}: opens ${formatLocal(c.opensAt, tz)}, due ${formatLocal(c.dueAt, tz)}, ${c.graceDays} days' grace`,
          ),
        ];
        process.stdout.write(`${out.join("\n")}\n`);
      });
    });
}
