import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import { runCommand } from "../../../src/core/commands/run-command.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { type Message, plainText } from "../../../src/core/messages/message.js";
import { type ChatTarget, DeliveryError } from "../../../src/core/ports/chat-gateway.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
const member = { platform: "slack" as const, externalId: "U0SPITWH1" };
const staff = { platform: "slack" as const, externalId: "U0SPISTAFF1" };
let db: TestDatabase;
let deps: CoreDeps;
let sent: { target: ChatTarget; message: Message }[];
let failSends: DeliveryError | null;

beforeAll(async () => {
  db = await createTestDatabase();
  await importProgramme(db.prisma, file);
});
afterAll(() => db.close());
// Importing the programme takes seconds: do it once, and undo only what these tests change.
beforeEach(async () => {
  await db.prisma.unansweredQuestion.deleteMany();
  await db.prisma.faqEntry.deleteMany({ where: { origin: "staff" } });
  await db.prisma.auditLog.deleteMany();
  const grant = file.faq.find((f) => f.key === "grant-per-project");
  await db.prisma.faqEntry.updateMany({
    where: { key: "grant-per-project" },
    data: { answer: grant?.answer, active: true },
  });
  deps = testCoreDeps(db).deps;
  sent = [];
  failSends = null;
  deps.gateways.slack = {
    platform: "slack",
    async send(target, message) {
      if (failSends) throw failSends;
      sent.push({ target, message });
      return { messageId: `m${sent.length}` };
    },
  };
});

const text = (reply: Awaited<ReturnType<typeof runCommand>>) =>
  reply.type === "message" ? [reply.message.summary, ...reply.message.blocks.map(blockText)].join("\n") : "";
const blockText = (b: Message["blocks"][number]) =>
  "text" in b ? plainText(b.text) : "items" in b ? b.items.map(plainText).join("\n") : "";
const ask = (question: string, identity = member) => runCommand(deps, { identity, text: question });

describe("FAQ staff loop", () => {
  it("answers a known question through `ask` and through plain question text", async () => {
    expect(text(await ask("ask how big is each grant?"))).toContain("£10,000");
    expect(text(await ask("how much money does our team get?"))).toContain("£10,000");
  });

  it("queues an unknown question, lets staff answer it, replies to the asker and learns the answer", async () => {
    const question = "Can we claim mileage for home visits?";
    const reply = await ask(`ask ${question}`);
    expect(text(reply)).toContain("passed your question to the programme team");
    const [queued] = await db.prisma.unansweredQuestion.findMany();
    expect(queued).toMatchObject({ question, status: "open", platform: "slack", askerExternalId: "U0SPITWH1" });

    // Members may not see or answer the queue.
    expect(text(await ask("unanswered"))).toContain("Only programme staff");
    expect(text(await ask(`answer ${queued?.id.slice(0, 8)} yes`))).toContain("Only programme staff");

    const list = text(await ask("unanswered", staff));
    expect(list).toContain(question);
    expect(list).toContain(queued?.id.slice(0, 8));

    const answered = text(
      await ask(`answer ${queued?.id.slice(0, 8)} Yes, at 45p a mile: send the form to the programme team.`, staff),
    );
    expect(answered).toContain("sent it to the person who asked");

    const entry = await db.prisma.faqEntry.findFirst({ where: { origin: "staff" } });
    expect(entry).toMatchObject({
      question,
      answer: "Yes, at 45p a mile: send the form to the programme team.",
      active: true,
    });
    expect(await db.prisma.unansweredQuestion.findUnique({ where: { id: queued?.id } })).toMatchObject({
      status: "answered",
      answeredFaqId: entry?.id,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.target).toMatchObject({ platform: "slack", kind: "user", externalId: "U0SPITWH1" });
    expect(sent[0]?.message.summary).toContain("45p a mile");
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "faq.answer" } });
    expect(audit).toMatchObject({
      subject: queued?.id,
      details: expect.objectContaining({ key: entry?.key, delivered: true }),
    });

    // The next person asking in other words gets the answer straight away.
    expect(
      text(
        await ask("can we claim mileage for visiting people at home?", { platform: "slack", externalId: "U0SPITWH2" }),
      ),
    ).toContain("45p a mile");
    expect(text(await ask("unanswered", staff))).toContain("No unanswered questions");
  });

  it("keeps the answer when the reply cannot be delivered, and says so", async () => {
    await ask("ask Can we claim mileage for home visits?");
    const [queued] = await db.prisma.unansweredQuestion.findMany();
    failSends = new DeliveryError("user_not_found", { permanent: true });
    const answered = text(await ask(`answer ${queued?.id} Yes.`, staff));
    expect(answered).toContain("couldn't send it");
    expect(await db.prisma.faqEntry.count({ where: { origin: "staff" } })).toBe(1);
    expect(text(await ask(`answer ${queued?.id} Again.`, staff))).toContain("already been answered");
  });

  it("lets staff edit and retire entries, audited", async () => {
    expect(text(await ask("faq edit grant-per-project Up to £9,000 now.", staff))).toContain("Updated");
    expect(text(await ask("how big is each grant?"))).toContain("£9,000");
    expect(text(await ask("faq retire grant-per-project", staff))).toContain("Retired");
    expect(text(await ask("how big is each grant?"))).not.toContain("£9,000");
    expect(text(await ask("faq retire no-such-key", staff))).toContain("no FAQ entry");
    expect(text(await ask("faq edit total-funding x"))).toContain("Only programme staff");
    const actions = (await db.prisma.auditLog.findMany({ where: { action: { startsWith: "faq." } } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["faq.edit", "faq.retire"]);
  });

  it("answers live-data questions from the team's own schedule", async () => {
    const reply = text(await ask("ask when is our next coaching session?"));
    expect(reply).toContain(
      "Next coaching session for Tower Hamlets Grow Our Own Link Workers: QI coaching: Tower Hamlets",
    );
    expect(await db.prisma.unansweredQuestion.count()).toBe(0);
  });
});
