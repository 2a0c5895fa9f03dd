/**
 * Time to open an embedded database and apply every committed migration, in memory and in a new folder:
 * `npx tsx scripts/measure-migrations.ts`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/open-database.js";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-migrations-"));
for (const dir of [null, path.join(folder, "db")]) {
  const started = performance.now();
  const db = await openDatabase({ kind: "pglite", dir });
  const total = Math.round(performance.now() - started);
  const m = db.migration;
  console.log(
    `${dir ? "new folder" : "in memory"}: open + migrate ${total} ms; ${m?.applied.length} migration(s) applied in ${m?.ms.toFixed(1)} ms`,
  );
  await db.close();
}
fs.rmSync(folder, { recursive: true, force: true });
