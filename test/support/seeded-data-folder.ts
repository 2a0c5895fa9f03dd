import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { templateState } from "./seeded-template.js";

const made: string[] = [];
process.once("exit", () => {
  for (const parent of made) fs.rmSync(parent, { recursive: true, force: true });
});

/**
 * A new embedded data folder holding the seed programme, as the server or CLI leave one after their first
 * start: a copy of the one the global setup made (global-setup.ts), so a test that is not about the first
 * start skips initdb, migrations and the seed import (a server is healthy in ~2 s instead of ~7 s idle).
 * Use it as `pglite:<folder>` (seededDatabaseUrl); it is removed when the test process exits.
 * Waits for the template as long as it takes to make (a condition, not a span); fails with its output.
 */
export async function seededDataFolder(): Promise<string> {
  const template = inject("seededTemplate");
  const { ready, failed } = templateState(template);
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(`no seeded template folder: ${fs.readFileSync(failed, "utf8")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-seeded-"));
  made.push(parent);
  const folder = path.join(parent, "db");
  fs.cpSync(template.folder, folder, { recursive: true });
  return folder;
}

/** DATABASE_URL for a new copy of the seeded folder (instead of `pglite:memory`, which runs initdb). */
export async function seededDatabaseUrl(): Promise<string> {
  return `pglite:${await seededDataFolder()}`;
}
