import type { Command } from "commander";
import { loadProgrammeFile } from "../../config/load-programme-file.js";
import { importProgramme } from "../../db/import-programme.js";
import { withCliDatabase } from "../open-cli-database.js";
import { importIcsFile } from "./calendar.js";

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "import or update a programme from a YAML programme file (idempotent; never deletes submitted updates)",
    )
    .argument("<file>", "programme file, e.g. prisma/seed/sp-innovators.yaml")
    .option("--json", "print the summary as JSON")
    .option("--programme <slug>", "for an .ics file: the programme to add its sessions to")
    .option("--team <key>", "for an .ics file: the team the sessions are for (default: programme-wide)")
    .action(async (file: string, opts: { json?: boolean; programme?: string; team?: string }) => {
      // An .ics file adds coaching sessions to an existing programme (see `cohort calendar import`).
      if (file.toLowerCase().endsWith(".ics")) return importIcsFile(file, opts);
      // Validate before touching the database: a broken file exits 2 with file:line problems.
      const parsed = loadProgrammeFile(file);
      const summary = await withCliDatabase({ seed: false }, ({ db }) => importProgramme(db.prisma, parsed, "cli"));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        return;
      }
      const lines = Object.entries(summary.counts).map(
        ([entity, c]) =>
          `  ${entity.padEnd(18)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.removed ? `, ${c.removed} removed` : ""}`,
      );
      process.stdout.write(
        `${summary.changed ? "Imported" : "No changes:"} ${summary.slug} from ${file}\n${lines.join("\n")}\n${summary.notes.map((n) => `  note: ${n}\n`).join("")}`,
      );
    });
}
