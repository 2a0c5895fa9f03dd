import { Command, CommanderError } from "commander";
import { EnvError } from "../config/env.js";
import { ProgrammeFileError } from "../config/load-programme-file.js";
import { AppError } from "../core/errors.js";
import { CliInputError } from "./cli-error.js";
import { registerCommands } from "./commands/index.js";

/**
 * The `cohort` admin CLI: `npm run --silent cohort -- <command>`.
 * Exit codes: 0 success, 2 bad input (usage, programme file, arguments), 1 anything else.
 */
const program = new Command("cohort")
  .description("Cohort Bot admin CLI")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerCommands(program);
for (const c of program.commands) c.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; usage mistakes exit 2 (commander already printed why).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ProgrammeFileError || error instanceof CliInputError || error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof AppError && error.code === "invalid_input") {
    process.stderr.write(`${error.userMessage}\n`);
    return 2;
  }
  process.stderr.write(`cohort: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
