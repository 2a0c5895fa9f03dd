import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

/**
 * "Never confidently wrong", through the real Slack entry point (signed slash commands): a member's
 * policy question is not answered with their team's figures.
 */
const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (prisma/seed/sp-innovators.yaml)

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());
beforeEach(() => h.fake.reset());

const ask = async (text: string) => (await h.command(text, { user_id: MEMBER, channel_id: "D0AISHA" })).text;
const SPEND_FIGURE = /reported £[\d,]+ spent|hasn't reported any spend/;

describe("a member's question about what the grant may be spent on", () => {
  it.each([
    "Can we spend the grant on laptops?",
    "can we use our grant for training courses?",
    "is a laptop an eligible cost?",
    "what can we spend our grant on?",
  ])("%j is not answered with the team's reported spend", async (question) => {
    const body = await ask(question);
    expect(body).not.toMatch(SPEND_FIGURE);
    const asked = await h.db.prisma.askedQuestion.findFirstOrThrow({ where: { question } });
    expect(asked.outcome).not.toBe("live");
  });

  it("the general one gets the FAQ entry about what the grant is for", async () => {
    const body = await ask("what can we spend our grant on?");
    expect(body).toMatch(/what-is-the-grant-for|funds your specific social prescribing project/);
  });

  it("“how much have we spent so far?” is still answered from the team's data", async () => {
    expect(await ask("how much have we spent so far?")).toMatch(SPEND_FIGURE);
  });
});

describe("an off-topic question with a programme word in it", () => {
  it.each([
    "What's the weather in London?",
    "how do I book an NHS dentist",
    "any good team building ideas for the office christmas party?",
  ])("%j gets the polite decline and never reaches staff", async (question) => {
    const before = await h.db.prisma.unansweredQuestion.count();
    expect(await ask(question)).toContain("only answer questions about the programme");
    expect(await h.db.prisma.unansweredQuestion.count()).toBe(before);
    const asked = await h.db.prisma.askedQuestion.findFirstOrThrow({ where: { question } });
    expect(asked).toMatchObject({ outcome: "off-topic", unansweredId: null });
  });

  it("a programme question naming the NHS or a team still goes to staff", async () => {
    const question = "which NHS trusts are involved?";
    expect(await ask(question)).toContain("passed your question to the programme team");
    expect(await h.db.prisma.unansweredQuestion.count({ where: { question } })).toBe(1);
  });
});

describe("a two-part question answered in part", () => {
  it("answers the known part, names the part it could not answer, and passes only that part to staff", async () => {
    const question = "when does the programme start and can we bring our dog to the workshops?";
    const body = await ask(question);
    expect(body).toContain("October 2022");
    expect(body).toContain("I couldn't answer this part of your question: “can we bring our dog to the workshops?”");
    expect(body).toContain("I've passed that to the programme team");
    const queued = await h.db.prisma.unansweredQuestion.findFirstOrThrow({
      where: { question: "can we bring our dog to the workshops?" },
    });
    const asked = await h.db.prisma.askedQuestion.findFirstOrThrow({ where: { question } });
    expect(asked).toMatchObject({ outcome: "answer", unansweredId: queued.id });
    // Asked again: answered again, and the open part is not queued twice.
    expect(await ask(question)).toContain("already with the programme team");
    expect(await h.db.prisma.unansweredQuestion.count({ where: { question: queued.question } })).toBe(1);
  });

  it("an off-topic part is named but not passed to staff", async () => {
    const before = await h.db.prisma.unansweredQuestion.count();
    const body = await ask("when does the programme start and what's the weather like in London?");
    expect(body).toContain("I couldn't answer this part of your question");
    expect(body).not.toContain("passed that to the programme team");
    expect(await h.db.prisma.unansweredQuestion.count()).toBe(before);
  });
});

describe("“when is our next session?” and `next` agree", () => {
  it("name the same session at the same local time, also when a workshop comes before the team's coaching", async () => {
    // 20 Dec 2022: the programme's mid-point workshop (Thu 5 Jan) comes before Tower Hamlets' coaching (Tue 10 Jan).
    h.clock.set("2022-12-20T10:00:00Z");
    try {
      const next = await h.command("next", { user_id: MEMBER, channel_id: "D0AISHA" });
      const nextText = JSON.stringify(next.json());
      expect(nextText).toContain("QI coaching: Tower Hamlets (January 2023), Tue 10 Jan 2023, 10:00");
      expect(nextText).toContain("Mid-point learning workshop, Thu 5 Jan 2023, 10:00");
      for (const question of ["when is our next session?", "when's our next coaching session?"]) {
        expect(await ask(question)).toContain("QI coaching: Tower Hamlets (January 2023), Tue 10 Jan 2023, 10:00");
      }
      expect(await ask("when is the next workshop?")).toContain("Mid-point learning workshop, Thu 5 Jan 2023, 10:00");
    } finally {
      h.clock.set("2022-11-25T10:00:00Z");
    }
  });
});

describe("“what did staff say to our last question?”", () => {
  it("gives a member the answer staff sent to their team's last question", async () => {
    const TEAMMATE = "U0SPITWH2"; // Liam Connor, Tower Hamlets
    const question = "can we pay for a translator at our group sessions from the grant?";
    const asked = await h.command(question, { user_id: TEAMMATE, channel_id: "D0LIAM" });
    expect(asked.text).toContain("passed your question to the programme team");
    const queued = await h.db.prisma.unansweredQuestion.findFirstOrThrow({ where: { question } });
    const answered = await h.command(`answer ${queued.id.slice(0, 8)} Yes, interpreting costs are eligible.`, {
      user_id: "U0SPISTAFF1",
      channel_id: "C0SPISTAFF",
    });
    expect(answered.text).toContain("Saved as FAQ entry");
    for (const [who, wording] of [
      [TEAMMATE, "what did staff say to my last question?"],
      [MEMBER, "What did staff say to our last question?"],
      [MEMBER, "has anyone answered our question yet?"],
      [MEMBER, "any answer from staff on our question?"],
      [TEAMMATE, "has staff got back to us about our question?"],
    ] as const) {
      const body = (await h.command(wording, { user_id: who, channel_id: "D0X" })).text;
      expect(body, wording).toContain("Yes, interpreting costs are eligible.");
      expect(body, wording).toContain(question);
    }
  });
});

describe("staff dismiss a queued question that is noise", () => {
  const STAFF = "U0SPISTAFF1";
  let presses = 0;
  const press = (user: string, action: string, value: string) =>
    h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      user: { id: user, username: "someone", name: "someone", team_id: "T0SPIWORK" },
      channel: { id: "C0SPISTAFF", name: "c" },
      container: { type: "message", message_ts: "1668506400.000100", channel_id: "C0SPISTAFF", is_ephemeral: false },
      trigger_id: `dismiss.${++presses}.${Date.now()}`,
      response_url: h.fake.responseUrl,
      actions: [{ action_id: action, block_id: "b1", type: "button", value, text: { type: "plain_text", text: "x" } }],
    });
  const lastResponse = async () => JSON.stringify((await h.fake.waitFor("response")).at(-1)?.params);

  it("from the Dismiss button of `unanswered`: staff only; it leaves the queue and nothing goes to the asker", async () => {
    const question = "test question please ignore, which NHS trusts";
    await ask(question);
    const queued = await h.db.prisma.unansweredQuestion.findFirstOrThrow({ where: { question } });
    const list = (await h.command("unanswered", { user_id: STAFF, channel_id: "C0SPISTAFF" })).json();
    const buttons = (list.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? []);
    const dismiss = buttons.find((b) => b.value === queued.id);
    expect(dismiss?.action_id).toMatch(/^faq\.dismiss/);

    // A member pressing it (a forwarded message) is refused, and the question stays open.
    await press(MEMBER, dismiss?.action_id ?? "", queued.id);
    expect(await lastResponse()).toContain("Only programme staff");
    expect((await h.db.prisma.unansweredQuestion.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("open");

    h.fake.reset();
    await press(STAFF, dismiss?.action_id ?? "", queued.id);
    expect(await lastResponse()).toContain("Dismissed");
    expect(await h.db.prisma.unansweredQuestion.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "dismissed",
    });
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
    expect(await h.db.prisma.auditLog.count({ where: { action: "faq.dismiss", subject: queued.id } })).toBe(1);
    const after = JSON.stringify((await h.command("unanswered", { user_id: STAFF, channel_id: "C0SPISTAFF" })).json());
    expect(after).not.toContain(question);

    // Pressed again: harmless, and says so.
    h.fake.reset();
    await press(STAFF, dismiss?.action_id ?? "", queued.id);
    expect(await lastResponse()).toContain("That question was dismissed");
  });

  it("with `dismiss <id>`: refused to a member, done for staff", async () => {
    const question = "test test can we claim mileage?";
    await ask(question);
    const queued = await h.db.prisma.unansweredQuestion.findFirstOrThrow({ where: { question } });
    const refused = await h.command(`dismiss ${queued.id.slice(0, 8)}`, { user_id: MEMBER, channel_id: "D0AISHA" });
    expect(refused.text).toContain("Only programme staff");
    const done = await h.command(`dismiss ${queued.id.slice(0, 8)}`, { user_id: STAFF, channel_id: "C0SPISTAFF" });
    expect(done.text).toContain("Dismissed");
    expect((await h.db.prisma.unansweredQuestion.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe(
      "dismissed",
    );
  });
});
