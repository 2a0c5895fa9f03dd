import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import { runAction, runCommand } from "../../../src/core/commands/run-command.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

let db: TestDatabase;
let deps: CoreDeps;
beforeAll(async () => {
  db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"));
  deps = testCoreDeps(db).deps;
});
afterAll(() => db.close());

describe("join requests are decided once", () => {
  it("two staff pressing Approve at the same moment add the person once; the other is told who decided", async () => {
    await runCommand(deps, {
      identity: { platform: "slack", externalId: "URACE1", displayName: "racer" },
      text: "join croydon",
    });
    const request = await db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: "URACE1" } });
    const press = (staff: string) =>
      runAction(deps, {
        identity: { platform: "slack", externalId: staff },
        action: "join.approve",
        value: request.id,
      });
    const [a, b] = await Promise.all([press("U0SPISTAFF1"), press("U0SPISTAFF2")]);
    const texts = [a, b].map((r) => (r.type === "message" ? r.message.summary : ""));
    expect(texts.filter((t) => t.startsWith("Added racer to Croydon"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("That request was already approved by"))).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { action: "member.added" } })).toBe(1);
    expect(await db.prisma.platformIdentity.count({ where: { externalId: "URACE1" } })).toBe(1);
  });
});
