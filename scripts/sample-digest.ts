/**
 * Prints the November 2022 staff digest for the seeded SP Innovators programme with SAMPLE updates (a mix
 * of on-time, late, draft and missing), on a throw-away in-memory database:
 *   npx tsx scripts/sample-digest.ts [text|slack|teams]
 */
import { buildCoreDeps } from "../src/app/build-deps.js";
import { loadProgrammeFile } from "../src/config/load-programme-file.js";
import { buildDigest } from "../src/core/digests/build-digest.js";
import { buildMissingNote } from "../src/core/digests/build-missing-note.js";
import { messageToPlainText } from "../src/core/digests/render-plain-text.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import { importProgramme } from "../src/db/import-programme.js";
import { openDatabase } from "../src/db/open-database.js";
import { fillSampleUpdates } from "./sample-updates.js";

const db = await openDatabase({ kind: "pglite", dir: null });
try {
  const { programmeId } = await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"));
  const deps = buildCoreDeps({ db, clock: fixedClock("2022-12-01T09:00:00Z"), logger: silentLogger });
  await fillSampleUpdates({ deps, programmeId });
  const digest = await buildDigest({ deps, programmeId, month: "2022-11" });
  process.stdout.write(messageToPlainText(digest));
  const note = await buildMissingNote({ deps, programmeId, month: "2022-11" });
  if (note) process.stdout.write(`\n--- due-day note ---\n${messageToPlainText(note)}`);
} finally {
  await db.close();
}
