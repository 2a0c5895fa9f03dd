import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { Reply } from "../../../src/core/commands/reply.js";
import { runAction, runCommand, submitForm } from "../../../src/core/commands/run-command.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { messageToPlainText } from "../../../src/core/digests/render-plain-text.js";
import type { FormView } from "../../../src/core/forms/form.js";
import { plainText } from "../../../src/core/messages/message.js";
import { proRataShare } from "../../../src/core/programme/pro-rata.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const AISHA = { platform: "slack" as const, externalId: "U0SPITWH1" }; // Tower Hamlets
const LIAM = { platform: "slack" as const, externalId: "U0SPITWH2" }; // Tower Hamlets
const GRACE = { platform: "slack" as const, externalId: "U0SPILAM1" }; // Lambeth
const STAFF = { platform: "slack" as const, externalId: "U0SPISTAFF1" };
const good = {
  rag: "on-track",
  progress: "Induction pack tested with 3 new link workers.",
  people: "14",
  spend: "2500",
};

let db: TestDatabase;
let deps: CoreDeps;
let clock: ReturnType<typeof testCoreDeps>["clock"];
const seed = loadProgrammeFile("prisma/seed/sp-innovators.yaml");

beforeAll(async () => {
  db = await createTestDatabase();
  await importProgramme(db.prisma, seed);
});
afterAll(async () => db.close());
beforeEach(async () => {
  // The programme is read-only here: clearing what the tests write is much faster than re-importing it.
  await db.prisma.progressUpdate.deleteMany();
  await db.prisma.cycleUnlock.deleteMany();
  await db.prisma.auditLog.deleteMany();
  await db.prisma.programme.deleteMany({ where: { slug: "other" } });
  // November 2022 cycle: opens 24 Nov 09:00, due 30 Nov 17:00, locks 3 Dec 17:00 (UTC = London in winter).
  ({ deps, clock } = testCoreDeps(db, "2022-11-25T10:00:00Z"));
});

const text = (reply: Reply) =>
  reply.type === "message" ? messageToPlainText(reply.message) : `form: ${reply.view.intro}`;
async function openForm(identity = AISHA, cmd = "update"): Promise<FormView> {
  const reply = await runCommand(deps, { identity, text: cmd });
  if (reply.type !== "form") throw new Error(`expected a form, got: ${text(reply)}`);
  return reply.view;
}
const submit = (identity: typeof AISHA, view: FormView, values: Record<string, string>, draft = false) =>
  submitForm(deps, { identity, formId: "progress-update", context: view.context, values, draft });

describe("monthly update life cycle", () => {
  it("opens the current cycle's form for the member's own team", async () => {
    const view = await openForm();
    expect(view.form.id).toBe("progress-update");
    expect(view.intro).toContain(
      "Tower Hamlets Grow Our Own Link Workers — November 2022 update, due Wed 30 Nov 2022, 17:00.",
    );
    expect(view.intro).toContain("until Sat 3 Dec 2022, 17:00");
    expect(view.values).toEqual({});
  });

  it("returns field errors without saving anything", async () => {
    const view = await openForm();
    const result = await submit(AISHA, view, { ...good, people: "-2", spend: "11000" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.people).toMatch(/cannot be negative/);
      expect(result.errors.spend).toMatch(/more than your team's award of £10,000/);
    }
    expect(await db.prisma.progressUpdate.count()).toBe(0);
  });

  it("keeps a draft, prefills it, then submits on time with a confirmation naming the digest", async () => {
    const first = await openForm();
    const draft = await submit(AISHA, first, { progress: "Half written" }, true);
    expect(draft.ok && plainText(draft.confirmation.summary)).toMatch(
      /^Draft saved: the November 2022 update for Tower Hamlets/,
    );
    // "Link Workers'" (not "Workers's"), saved at the core clock's time (not the database's).
    expect(text(await runCommand(deps, { identity: LIAM, text: "status" }))).toMatch(
      /Link Workers' November 2022 update is a draft \(last saved by Aisha Rahman on Fri 25 Nov 2022, 10:00\)/,
    );

    const again = await openForm(LIAM);
    expect(again.values).toEqual({ progress: "Half written" });
    expect(again.intro).toContain("Draft saved by Aisha Rahman");
    const done = await submit(LIAM, again, good);
    expect(done.ok).toBe(true);
    if (done.ok)
      expect(done.confirmation.summary).toBe(
        "Thanks — the November 2022 update for Tower Hamlets Grow Our Own Link Workers is submitted. The programme team sees it in the staff digest, posted in their staff channel on Thu 1 Dec 2022.",
      );
    const row = await db.prisma.progressUpdate.findFirstOrThrow({
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(row).toMatchObject({ status: "submitted", late: false, version: 2 });
    expect(row.versions.map((v) => v.status)).toEqual(["draft", "submitted"]);
    expect(text(await runCommand(deps, { identity: AISHA, text: "status" }))).toMatch(/is submitted — by Liam Connor/);
  });

  it("marks a submission after the due date late, and keeps it editable until the lock", async () => {
    clock.set("2022-12-02T09:00:00Z");
    const view = await openForm();
    const result = await submit(AISHA, view, good);
    expect(result.ok && result.confirmation.summary).toMatch(/is submitted \(marked late/);
    expect(result.ok && result.confirmation.summary).toMatch(/digest has already gone .* `digest 2022-11`/);
    expect(await db.prisma.progressUpdate.findFirstOrThrow()).toMatchObject({ late: true });
  });

  it("locks after due + grace; staff unlock re-opens it for one team and is audited", async () => {
    const view = await openForm();
    clock.set("2022-12-03T17:00:00Z");
    const locked = await submit(AISHA, view, good);
    expect(locked).toEqual({
      ok: false,
      errors: {
        _form: expect.stringMatching(
          /closed on Sat 3 Dec 2022, 17:00, so it can no longer be changed. If you need to change it, ask the programme team to unlock it/,
        ),
      },
    });
    expect(text(await runCommand(deps, { identity: AISHA, text: "update 2022-11" }))).toMatch(/closed on/);

    expect(text(await runCommand(deps, { identity: AISHA, text: "unlock tower-hamlets 2022-11" }))).toMatch(
      /Only programme staff/,
    );
    const unlocked = await runCommand(deps, { identity: STAFF, text: "unlock tower-hamlets 2022-11" });
    expect(text(unlocked)).toContain("can edit its November 2022 update until Sat 10 Dec 2022, 17:00");
    expect(await db.prisma.auditLog.count({ where: { action: "update.unlock" } })).toBe(1);

    const ok = await submit(AISHA, await openForm(AISHA, "update 2022-11"), good);
    expect(ok.ok).toBe(true);
    // Another team is still locked.
    expect(text(await runCommand(deps, { identity: GRACE, text: "update 2022-11" }))).toMatch(/closed on/);
    clock.set("2022-12-10T17:00:01Z");
    expect(text(await runCommand(deps, { identity: AISHA, text: "update 2022-11" }))).toMatch(/closed on Sat 10 Dec/);
  });

  it("concurrent edit: the later save wins, the earlier is kept, the second person is told", async () => {
    const aishaView = await openForm(AISHA);
    const liamView = await openForm(LIAM);
    expect((await submit(AISHA, aishaView, { ...good, progress: "Aisha's text" })).ok).toBe(true);
    clock.advance(60_000);
    const liam = await submit(LIAM, liamView, { ...good, progress: "Liam's text" });
    expect(liam.ok).toBe(true);
    if (liam.ok)
      expect(liam.confirmation.blocks.map((b) => ("text" in b ? plainText(b.text) : ""))).toContain(
        "Heads up: Aisha Rahman saved this update at Fri 25 Nov 2022, 10:00, while you had it open. Your version is now the current one; theirs is kept in the history, so check nothing of theirs was lost (`update` shows the current text).",
      );
    const row = await db.prisma.progressUpdate.findFirstOrThrow({
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(row.data).toMatchObject({ progress: "Liam's text" });
    expect(row.versions.map((v) => [(v.data as { progress: string }).progress, v.savedById !== null])).toEqual([
      ["Aisha's text", true],
      ["Liam's text", true],
    ]);
    expect(row.submittedById).toBe(row.versions[0]?.savedById);
  });

  it("truly simultaneous saves each get their own version", async () => {
    const view = await openForm();
    const results = await Promise.all(
      [AISHA, LIAM, AISHA, LIAM].map((who, i) => submit(who, view, { ...good, progress: `save ${i}` })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const versions = await db.prisma.progressUpdateVersion.findMany({ orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it("members see only their own team's update; staff see any; other ids reveal nothing", async () => {
    await submit(AISHA, await openForm(), good);
    const id = (await db.prisma.progressUpdate.findFirstOrThrow()).id;
    expect(text(await runAction(deps, { identity: LIAM, action: "update.view", value: id }))).toContain(
      "Overall status: On track",
    );
    expect(text(await runAction(deps, { identity: STAFF, action: "update.view", value: id }))).toContain(
      "Submitted by Aisha Rahman",
    );
    const other = text(await runAction(deps, { identity: GRACE, action: "update.view", value: id }));
    expect(other).toBe("I can't find that update, or it isn't yours to see.\n");
    expect(text(await runAction(deps, { identity: GRACE, action: "update.view", value: "nope" }))).toMatch(
      /can't find/,
    );
  });

  it("refuses a form context that names another programme's cycle", async () => {
    const view = await openForm();
    const other = await db.prisma.programme.create({
      data: { slug: "other", name: "Other", startsOn: new Date("2022-10-01"), endsOn: new Date("2023-03-31") },
    });
    const foreign = await db.prisma.reportingCycle.create({
      data: { programmeId: other.id, month: "2022-11", opensAt: new Date("2022-11-01"), dueAt: new Date("2022-12-30") },
    });
    const result = await submit(AISHA, { ...view, context: JSON.stringify({ cycleId: foreign.id, version: 0 }) }, good);
    expect(result).toEqual({ ok: false, errors: { _form: expect.stringMatching(/no longer exists/) } });
    const bad = await submit(AISHA, { ...view, context: "garbage" }, good);
    expect(bad).toEqual({ ok: false, errors: { _form: expect.stringMatching(/out of date/) } });
  });

  it("staff have no form of their own; the update.open button opens a named month", async () => {
    expect(text(await runCommand(deps, { identity: STAFF, text: "update" }))).toMatch(/staff aren't in a project team/);
    expect(text(await runCommand(deps, { identity: STAFF, text: "status" }))).toMatch(
      /November 2022: 0 of 12 teams have submitted/,
    );
    const reply = await runAction(deps, { identity: AISHA, action: "update.open", value: "2022-11" });
    expect(reply.type).toBe("form");
    expect(text(await runAction(deps, { identity: AISHA, action: "update.open", value: "2023-01" }))).toMatch(
      /The January 2023 update opens on Tue 24 Jan 2023, 09:00/,
    );
  });

  it("warns about spend above the same pro-rata line the staff pages draw (by days, not months)", async () => {
    const programme = await deps.programmes.getProgrammeBySlug("sp-innovators-2022");
    if (!programme) throw new Error("seed programme missing");
    // November is due Wed 30 Nov 17:00: 60.7 of 182 days, so £3,336 of a £10,000 award (2 of 6 months
    // would say £3,333: the form warned at spends the staff pages showed on or below the line).
    const line = proRataShare(10_000, programme, new Date("2022-11-30T17:00:00Z"));
    expect(line).toBe(3336);
    const onTheLine = await submit(AISHA, await openForm(), { ...good, spend: String(line) });
    expect(onTheLine.ok && onTheLine.confirmation.summary).not.toContain("pro-rata");
    const above = await submit(AISHA, await openForm(), { ...good, spend: String(line + 1) });
    expect(above.ok && above.confirmation.summary).toContain(
      "is above the pro-rata share of your award by Wed 30 Nov 2022 (£3,336)",
    );
  });

  it("before the first cycle opens, says when it will", async () => {
    clock.set("2022-10-05T10:00:00Z");
    expect(text(await runCommand(deps, { identity: AISHA, text: "update" }))).toMatch(
      /No monthly update is open yet. The first one \(October 2022\) opens on Mon 24 Oct 2022, 09:00/,
    );
  });
});
