import type { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import {
  listUpdateRows,
  neutraliseFormula,
  UPDATE_COLUMNS,
  type UpdateRow,
} from "../../core/updates/list-update-rows.js";
import { CliInputError } from "../cli-error.js";
import { withCliProgramme } from "./pick-programme.js";

/** `export updates --format csv|json [--cycle YYYY-MM] [--programme slug]`: every team's updates, for staff. */
export function registerExport(program: Command): void {
  const exporter = program.command("export").description("export data");
  exporter
    .command("updates")
    .description("export progress updates as CSV (spreadsheet-safe) or JSON")
    .option("--format <format>", "csv or json", "csv")
    .option("--cycle <YYYY-MM>", "only this reporting cycle")
    .option("--programme <slug>", "programme slug (default: the only or first programme)")
    .action(async (opts: { format: string; cycle?: string; programme?: string }) => {
      if (opts.format !== "csv" && opts.format !== "json")
        throw new CliInputError(`--format must be csv or json (got "${opts.format}")`);
      if (opts.cycle !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.cycle))
        throw new CliInputError(`--cycle must be a month like 2022-11 (got "${opts.cycle}")`);
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const rows = await listUpdateRows({ deps, programmeId: programme.id, month: opts.cycle });
        if (opts.format === "json") {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        process.stdout.write(updatesCsv(rows));
      });
    });
}

/** The CSV text of `export updates --format csv` (also timed by `npm run bench`): spreadsheet-safe cells. */
export function updatesCsv(rows: UpdateRow[]): string {
  const cells = rows.map((row) =>
    UPDATE_COLUMNS.map((c) => {
      const v = row[c];
      return v === null ? "" : typeof v === "string" ? neutraliseFormula(v) : String(v);
    }),
  );
  return stringify([[...UPDATE_COLUMNS], ...cells]);
}
