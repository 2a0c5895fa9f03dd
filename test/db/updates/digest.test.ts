import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fillSampleUpdates } from "../../../scripts/sample-updates.js";
import { loadProgrammeFile, parseProgrammeSource } from "../../../src/config/load-programme-file.js";
import type { Reply } from "../../../src/core/commands/reply.js";
import { runAction, runCommand } from "../../../src/core/commands/run-command.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { buildDigest } from "../../../src/core/digests/build-digest.js";
import { buildMissingNote } from "../../../src/core/digests/build-missing-note.js";
import { messageToPlainText } from "../../../src/core/digests/render-plain-text.js";
import type { Message } from "../../../src/core/messages/message.js";
import { type ChatGateway, type ChatTarget, DeliveryError } from "../../../src/core/ports/chat-gateway.js";
import type { Platform } from "../../../src/core/programme/types.js";
import { runSchedulerTick } from "../../../src/core/reminders/run-scheduler-tick.js";
import { listUpdateRows } from "../../../src/core/updates/list-update-rows.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const STAFF = { platform: "slack" as const, externalId: "U0SPISTAFF1" };
const MEMBER = { platform: "slack" as const, externalId: "U0SPITWH1" };

let db: TestDatabase;
let deps: CoreDeps;
let programmeId: string;
let otherId: string;
const seed = loadProgrammeFile("prisma/seed/sp-innovators.yaml");

function fakeGateway(platform: Platform, fail?: DeliveryError) {
  const sent: { target: ChatTarget; message: Message }[] = [];
  const gateway: ChatGateway = {
    platform,
    async send(target, message) {
      if (fail) throw fail;
      sent.push({ target, message });
      return { messageId: `m${sent.length}` };
    },
  };
  return { gateway, sent };
}
const text = (reply: Reply) => (reply.type === "message" ? messageToPlainText(reply.message) : "form");

beforeAll(async () => {
  db = await createTestDatabase();
  ({ programmeId } = await importProgramme(db.prisma, seed));
  // A second programme with a team key and a person shared with the first: none of it may reach the first
  // one's digest.
  ({ programmeId: otherId } = await importProgramme(
    db.prisma,
    parseProgrammeSource(`
programme: { slug: cohort-2, name: Cohort 2, starts: "2022-10-01", ends: "2023-03-31", totalFunding: 50000 }
teams:
  - { key: tower-hamlets, name: Cohort Two Team, award: 10000, members: [{ key: aisha, name: Aisha Rahman, slack: U0SPITWH1 }] }
  - { key: other, name: Other Team }
reportingCycles:
  - { month: "2022-11", opens: "2022-11-24 09:00", due: "2022-11-30 17:00" }
  - { month: "2022-12", opens: "2022-12-23 09:00", due: "2022-12-30 17:00" }
`),
  ));
  ({ deps } = testCoreDeps(db, "2022-12-01T09:00:00Z"));
  await fillSampleUpdates({ deps, programmeId });
  const cohort2 = (await deps.programmes.listTeams(otherId)).find((t) => t.key === "tower-hamlets");
  const cycle2 = await deps.programmes.getCycle(otherId, "2022-11");
  if (!cohort2 || !cycle2) throw new Error("fixture");
  await deps.updates.save({
    teamId: cohort2.id,
    cycleId: cycle2.id,
    status: "submitted",
    data: { rag: "off-track", progress: "COHORT TWO SECRET", people: 999, spend: 9999 },
    late: false,
    submittedAt: new Date("2022-11-29T10:00:00Z"),
    submittedById: null,
    savedById: "x",
    savedAt: new Date("2022-11-29T10:00:00Z"),
  });
});
afterAll(async () => db.close());
beforeEach(() => {
  deps.gateways = {};
});

describe("digest for the seeded programme", () => {
  it("counts submitted, late and missing teams, and totals money and people", async () => {
    const out = messageToPlainText(await buildDigest({ deps, programmeId, month: "2022-11" }));
    expect(out).toContain("Submitted: 8 of 12");
    expect(out).toContain("Late: 2: Haringey East Social Prescribing Hub, Newham Reaching Every Community");
    expect(out).toMatch(/Missing: 4: Barnet Link Worker Wellbeing and Retention \(draft started\), Brent/);
    expect(out).toContain("Grant spent to date: £22,100 of £120,000 awarded (18%)");
    expect(out).toContain("People supported: 152 this month · 329 in total");
    expect(out).toContain("Since October 2022: 2 worse, 0 better.");
    // Attention first: the two teams that moved down, then the support request.
    const attention = out.slice(out.indexOf("Needs attention"), out.indexOf("🟢"));
    expect(attention.indexOf("Lambeth")).toBeLessThan(attention.indexOf("Newham"));
    expect(attention.indexOf("Newham")).toBeLessThan(attention.indexOf("Southwark"));
    expect(out).not.toContain("COHORT TWO");
  });

  it("keeps the other programme's digest to its own teams", async () => {
    const out = messageToPlainText(await buildDigest({ deps, programmeId: otherId, month: "2022-11" }));
    expect(out).toContain("Submitted: 1 of 2");
    expect(out).toContain("£9,999 of £50,000");
    expect(out).not.toContain("Peer supervision");
  });

  it("lists who is missing on the due day, and nothing once all are in", async () => {
    const note = await buildMissingNote({ deps, programmeId, month: "2022-11" });
    expect(note && messageToPlainText(note)).toMatch(/due today at 17:00. Still missing: 4 of 12 teams/);
    const october = await buildMissingNote({ deps, programmeId, month: "2022-10" });
    expect(october?.summary).toMatch(/Still missing: 1 of 12 teams.*Lewisham/);
    const december = await deps.programmes.getCycle(otherId, "2022-12");
    for (const team of await deps.programmes.listTeams(otherId)) {
      expect(await buildMissingNote({ deps, programmeId: otherId, month: "2022-12" })).not.toBeNull();
      await deps.updates.save({
        teamId: team.id,
        cycleId: december?.id ?? "",
        status: "submitted",
        data: { rag: "on-track", progress: "ok", people: 1, spend: 1 },
        late: false,
        submittedAt: new Date("2022-12-29T10:00:00Z"),
        submittedById: null,
        savedById: "x",
        savedAt: new Date("2022-12-29T10:00:00Z"),
      });
    }
    expect(await buildMissingNote({ deps, programmeId: otherId, month: "2022-12" })).toBeNull();
  });

  it("is staff only, previews privately with a post button", async () => {
    expect(text(await runCommand(deps, { identity: MEMBER, text: "digest" }))).toMatch(/Only programme staff/);
    expect(text(await runAction(deps, { identity: MEMBER, action: "digest.post", value: "2022-11" }))).toMatch(
      /Only programme staff/,
    );
    const preview = await runCommand(deps, { identity: STAFF, text: "digest 2022-11" });
    expect(preview.type === "message" && preview.visibility).toBe("private");
    if (preview.type !== "message") return;
    expect(preview.message.blocks.at(-1)).toEqual({
      type: "actions",
      buttons: [{ action: "digest.post", label: "Post to staff channels", value: "2022-11", style: "primary" }],
    });
    expect(text(await runCommand(deps, { identity: STAFF, text: "digest 2031-01" }))).toMatch(
      /no reporting cycle for 2031-01/,
    );
  });

  it("posts to each connected staff channel, reports the rest, and audits it", async () => {
    const slack = fakeGateway("slack");
    const teams = fakeGateway("teams", new DeliveryError("bot removed from conversation", { permanent: true }));
    deps.gateways = { slack: slack.gateway, teams: teams.gateway };
    const reply = text(await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-11" }));
    expect(reply).toMatch(/^Posted the November 2022 digest to #spi-programme-team \(slack\)\. Not posted to: /);
    expect(reply).toContain("SPI programme team (bot removed from conversation)");
    // The playground's channel is on a platform this deployment has not connected: not its business.
    expect(reply).not.toMatch(/local|not connected/);
    expect(slack.sent).toHaveLength(1);
    expect(slack.sent[0]?.target).toMatchObject({ platform: "slack", kind: "channel", externalId: "C0SPISTAFF" });
    expect(slack.sent[0]?.message.summary).toMatch(/^November 2022 digest/);
    const teamsChannel = await db.prisma.channel.findFirstOrThrow({
      where: { programmeId, platform: "teams", purpose: "staff" },
    });
    expect(teamsChannel).toMatchObject({ active: false, inactiveReason: "bot removed from conversation" });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "digest.post" } });
    expect(audit).toMatchObject({ programmeId, subject: "2022-11" });
  });

  it("asks before posting a month's digest again, then re-posts and audits who did", async () => {
    // The test above posted November's digest as Amara at Thu 1 Dec 09:00.
    const slack = fakeGateway("slack");
    deps.gateways = { slack: slack.gateway };
    const ask = await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-11" });
    expect(text(ask)).toMatch(
      /^The November 2022 digest was already posted at Thu 1 Dec 2022, 09:00 by Amara Okafor to #spi-programme-team\.\sPost it again\?/,
    );
    expect(ask.type === "message" && ask.message.blocks.at(-1)).toEqual({
      type: "actions",
      buttons: [{ action: "digest.post", label: "Post again", value: "2022-11:again", style: "danger" }],
    });
    expect(slack.sent).toHaveLength(0);

    const again = text(await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-11:again" }));
    expect(again.trim()).toBe("Posted the November 2022 digest again to #spi-programme-team (slack).");
    expect(slack.sent).toHaveLength(1);
    const amara = await db.prisma.member.findFirstOrThrow({ where: { programmeId, key: "amara-okafor" } });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "digest.repost" } });
    expect(audit).toMatchObject({ programmeId, subject: "2022-11", actor: amara.id });
    expect(audit.details).toMatchObject({ previous: { by: "Amara Okafor" }, posted: ["#spi-programme-team (slack)"] });
    expect(text(await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-11:twice" }))).toMatch(
      /lost its month/,
    );
  });

  it("skips the scheduled digest when staff already posted it, and asks before posting after the scheduled one", async () => {
    const slack = fakeGateway("slack");
    deps.gateways = { slack: slack.gateway };
    // November was posted by hand: the scheduler's own post on Thu 1 Dec 09:00 is recorded as skipped.
    await runSchedulerTick({ deps, now: new Date("2022-12-01T09:00:30Z") });
    const november = await db.prisma.delivery.findMany({ where: { programmeId, kind: "cycle-digest" } });
    expect(november.map((d) => [d.status, d.reason])).toEqual([
      ["skipped", "already posted by Amara Okafor at Thu 1 Dec 2022, 09:00"],
    ]);
    expect(slack.sent.filter((s) => s.message.summary.startsWith("November 2022 digest"))).toHaveLength(0);

    // A hand post of December's digest on 1 Dec, before its due date, showed an incomplete month: it
    // does not stop the scheduled digest...
    expect(text(await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-12" }))).toMatch(
      /^Posted the December 2022 digest/,
    );
    // ...which goes out on its own (Tue 3 Jan 2023 08:00, after the bank holiday)...
    await runSchedulerTick({ deps, now: new Date("2023-01-03T08:00:30Z") });
    expect(slack.sent.filter((s) => s.message.summary.startsWith("December 2022 digest"))).toHaveLength(2);
    // ...so the preview's button asks first, naming the scheduler.
    expect(text(await runAction(deps, { identity: STAFF, action: "digest.post", value: "2022-12" }))).toMatch(
      /^The December 2022 digest was already posted at Tue 3 Jan 2023, 08:00 by Cohort Bot \(the scheduled digest\) to #spi-programme-team\.\sPost it again\?/,
    );
    expect(slack.sent.filter((s) => s.message.summary.startsWith("December 2022 digest"))).toHaveLength(2);
  });

  it("exports rows for one programme only, and refuses an unknown cycle", async () => {
    const rows = await listUpdateRows({ deps, programmeId, month: "2022-11" });
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.programme === "sp-innovators-2022")).toBe(true);
    expect(rows.map((r) => r.progress)).not.toContain("COHORT TWO SECRET");
    expect((await listUpdateRows({ deps, programmeId })).length).toBe(20);
    await expect(listUpdateRows({ deps, programmeId, month: "2031-01" })).rejects.toThrow(/no reporting cycle/);
  });
});
