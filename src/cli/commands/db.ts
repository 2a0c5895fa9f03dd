import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { openCliDatabase } from "../open-cli-database.js";

export function registerDb(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply committed migrations (the server also does this at start-up)")
    .action(async () => {
      const env = loadConfig();
      const database = await openCliDatabase(env.DATABASE_URL, 1);
      const m = database.migration;
      await database.close();
      process.stdout.write(
        m && m.applied.length > 0
          ? `Applied ${m.applied.length} migration(s) in ${Math.round(m.ms)} ms: ${m.applied.join(", ")}\n`
          : `Database is up to date (${m?.alreadyApplied ?? 0} migrations applied).\n`,
      );
    });
}
