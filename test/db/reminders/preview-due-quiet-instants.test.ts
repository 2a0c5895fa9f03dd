import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCoreDeps } from "../../../src/app/build-deps.js";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import type { Programme } from "../../../src/core/programme/types.js";
import { previewDue } from "../../../src/core/reminders/preview-due.js";
import { reminderPorts } from "../../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

/**
 * The dry run behind `cohort reminders due` (issue 14 point 1) on the seed programme with 3 days of
 * catch-up: at each instant the issue found in quiet time, nothing is to be sent now. The CLI itself is
 * run at the first of them, and with --deferred, in test/integration/reminders/quiet-catch-up-cli.test.ts.
 */
let db: TestDatabase;
let deps: CoreDeps;
let programme: Programme;

beforeAll(async () => {
  db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"));
  deps = buildCoreDeps({ db, clock: fixedClock("2022-10-01T09:00:00Z"), logger: silentLogger });
  [programme] = (await deps.programmes.listProgrammes()) as [Programme];
});
afterAll(async () => {
  await db?.close();
});

const THREE_DAYS = 3 * 24 * 60 * 60_000;
const preview = async (at: string) =>
  (await previewDue({ deps, facts: reminderPorts(deps).facts, programme, at: new Date(at), windowMs: THREE_DAYS }))
    .items;

describe("previewDue with 3 days of catch-up, at an instant in quiet time", () => {
  it.each([
    ["Sat 26 Nov 2022 10:00", "2022-11-26T10:00:00Z"],
    ["Fri 25 Nov 2022 21:00", "2022-11-25T21:00:00Z"],
    ["Wed 9 Nov 2022 22:30", "2022-11-09T22:30:00Z"],
    ["Sat 5 Nov 2022", "2022-11-05T10:00:00Z"],
    ["Sat 3 Dec 2022", "2022-12-03T12:00:00Z"],
    ["Tue 27 Dec 2022 (bank holiday)", "2022-12-27T12:00:00Z"],
  ])("has nothing to send at %s; what it missed waits for an allowed time", async (_label, at) => {
    const items = await preview(at);
    expect(items.filter((i) => i.status === "send")).toEqual([]);
    for (const i of items.filter((x) => x.status === "deferred"))
      expect(i.sendAt?.getTime()).toBeGreaterThan(Date.parse(at));
  });

  it("would send at Monday 08:00 what waited over the weekend", async () => {
    const monday = await preview("2022-11-28T08:00:00Z");
    expect(monday.filter((i) => i.status === "send" && i.kind === "cycle-nudge")).toHaveLength(36);
  });
});
