import type { Command } from "commander";
import { registerCalendar } from "./calendar.js";
import { registerDb } from "./db.js";
import { registerDigest } from "./digest.js";
import { registerExport } from "./export.js";
import { registerFaq } from "./faq.js";
import { registerImport } from "./import.js";
import { registerProgramme } from "./programme.js";
import { registerReminders } from "./reminders.js";
import { registerReport } from "./report.js";

/** Every CLI command. Features add one register call each. */
export function registerCommands(program: Command): void {
  registerImport(program);
  registerProgramme(program);
  registerDb(program);
  registerExport(program);
  registerDigest(program);
  registerFaq(program);
  registerReminders(program);
  registerCalendar(program);
  registerReport(program);
}
