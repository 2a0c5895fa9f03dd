import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { plainText } from "../../../src/core/messages/message.js";
import { runSchedulerTick } from "../../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { createFakeGateway, type FakeGateway } from "../../fakes/fake-gateway.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

// One story through November 2022 on the mini programme: what each reminder says and who gets it.
let db: TestDatabase;
let deps: CoreDeps;
let clock: ReturnType<typeof testCoreDeps>["clock"];
let slack: FakeGateway;

beforeAll(async () => {
  db = await createTestDatabase();
  await importProgramme(db.prisma, loadProgrammeFile("test/fixtures/reminders/mini-programme.yaml"));
  ({ deps, clock } = testCoreDeps(db, "2022-11-09T14:00:30Z"));
  deps.publicUrl = "https://bot.example.org";
  slack = createFakeGateway("slack");
  deps.gateways.slack = slack;
});
afterAll(async () => {
  await db?.close();
});

async function tickAt(at: string) {
  clock.set(at);
  const before = slack.sent.length;
  await runSchedulerTick({ deps });
  return slack.sent.slice(before);
}
const text = (m: FakeGateway["sent"][number]) =>
  m.message.blocks.map((b) => ("text" in b ? plainText(b.text) : JSON.stringify(b))).join("\n");

describe("reminder messages", () => {
  it("session: date, time, coach, joining link and the team's calendar feed", async () => {
    const sent = await tickAt("2022-11-09T14:00:30Z");
    expect(sent.map((s) => s.target.externalId)).toEqual(["C0ALPHA"]);
    const body = text(sent[0]!);
    const alpha = await db.prisma.team.findFirstOrThrow({ where: { key: "alpha" } });
    expect(sent[0]!.message.summary).toBe("Reminder: QI coaching: Alpha (November) tomorrow at 14:00.");
    expect(body).toContain("Thursday 10 November 2022");
    expect(body).toContain("14:00–15:00");
    expect(body).toContain("Priya Shah");
    expect(body).toContain("https://meet.example.org/alpha-nov");
    expect(body).toContain(`https://bot.example.org/calendar/${alpha.calendarToken}.ics`);
  });

  it("cycle opens with an Update button for the month", async () => {
    const sent = await tickAt("2022-11-24T09:00:30Z");
    expect(new Set(sent.map((s) => s.target.externalId))).toEqual(new Set(["C0ALPHA", "C0BETA"]));
    const actions = sent[0]!.message.blocks.find((b) => b.type === "actions");
    expect(actions).toEqual({
      type: "actions",
      buttons: [{ action: "update.open", label: "Update", value: "2022-11", style: "primary" }],
    });
  });

  it("nudges only the team that has not submitted, checked again at send time", async () => {
    const beta = await db.prisma.team.findFirstOrThrow({ where: { key: "beta" } });
    const cycle = await db.prisma.reportingCycle.findFirstOrThrow();
    await db.prisma.progressUpdate.create({
      data: { teamId: beta.id, cycleId: cycle.id, status: "submitted", data: {}, submittedAt: clock.now() },
    });
    // Fri 25 Nov: milestone on-the-day at 09:00 and the nudge (3 working days before Wed 30 Nov) at 10:00.
    const sent = await tickAt("2022-11-25T10:00:30Z");
    const nudges = sent.filter((s) => /update is due/.test(s.message.summary));
    expect(nudges.map((s) => s.target.externalId)).toEqual(["C0ALPHA"]);
    expect(nudges[0]!.message.summary).toBe("Reminder: the November 2022 update is due on Wed 30 Nov at 17:00.");
    const skipped = await db.prisma.delivery.findFirstOrThrow({ where: { kind: "cycle-nudge", status: "skipped" } });
    expect(skipped.reason).toMatch(/already submitted/);
  });

  it("staff get the missing note on the due day, the digest the day after, and the late list after grace", async () => {
    const due = await tickAt("2022-11-30T12:00:30Z");
    const missing = due.filter((s) => s.target.externalId === "C0STAFF");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message.summary).toMatch(/Still missing: 1 of 2 teams.*Team Alpha/);
    expect(due.filter((s) => s.target.externalId === "C0ALPHA").map((s) => s.message.summary)).toEqual([
      "Final call: the November 2022 update is due today at 17:00.",
    ]);

    const digest = await tickAt("2022-12-01T09:00:30Z");
    expect(digest.map((s) => s.target.externalId)).toEqual(["C0STAFF"]);
    expect(digest[0]!.message.summary).toMatch(/November 2022/);

    // Grace ends Sat 3 Dec 17:00 → the note waits for Monday 08:00.
    expect(await tickAt("2022-12-03T17:00:30Z")).toEqual([]);
    const late = await tickAt("2022-12-05T08:00:30Z");
    expect(late.map((s) => s.target.externalId)).toEqual(["C0STAFF"]);
    expect(late[0]!.message.summary).toBe(
      "1 of 2 teams have not sent their November 2022 update and the grace period has ended: Team Alpha.",
    );
  });
});
