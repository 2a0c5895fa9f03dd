import type { Command } from "commander";
import { registerDb } from "./db.js";
import { registerImport } from "./import.js";
import { registerProgramme } from "./programme.js";

/** Every CLI command. Features add one register call each. */
export function registerCommands(program: Command): void {
  registerImport(program);
  registerProgramme(program);
  registerDb(program);
}
