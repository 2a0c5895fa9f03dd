import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

// Sample people and channels from prisma/seed/sp-innovators.yaml.
const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (coach: Priya Shah)
const STAFF = "U0SPISTAFF1";
const STAFF_CHANNEL = "C0SPISTAFF";
const CROYDON_CHANNEL = "C0SPICRO";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());
beforeEach(() => h.fake.reset());

const json = (res: { text: string }) => res.text;
let presses = 0;

/** A signed block_actions payload: `user` pressed the button `action` (value `value`) in `channel`. */
function press(user: string, channel: string, action: string, value: string) {
  const base = fixture<Record<string, unknown>>("block-actions.json");
  return h.interaction({
    ...base,
    user: { id: user, username: "someone", name: "someone", team_id: "T0SPIWORK" },
    channel: { id: channel, name: "c" },
    container: { type: "message", message_ts: "1668506400.000100", channel_id: channel, is_ephemeral: false },
    trigger_id: `press.${++presses}.${Date.now()}`,
    response_url: h.fake.responseUrl,
    actions: [{ action_id: action, block_id: "b1", type: "button", value, text: { type: "plain_text", text: "x" } }],
  });
}

/** The latest reply to the presser (a join decision also replaces the card itself: replace_original). */
async function lastResponse(): Promise<string> {
  for (let n = 1; ; n++) {
    const calls = await h.fake.waitFor("response", n); // throws after its timeout: no endless loop
    const reply = calls.filter((c) => c.params.replace_original !== true).at(-1);
    if (reply) return JSON.stringify(reply.params);
  }
}

describe("someone in no team (an applicant, a guest)", () => {
  it("asks a programme question in a DM and gets the FAQ answer", async () => {
    const res = await h.command("how much grant does each team get?", {
      user_id: "UOUTSIDE1",
      channel_id: "D0OUTSIDE1",
    });
    expect(json(res)).toMatch(/£10,000/);
    const asked = await h.db.prisma.askedQuestion.findFirstOrThrow({ where: { askerExternalId: "UOUTSIDE1" } });
    expect(asked).toMatchObject({ outcome: "answer", memberId: null, sources: ["grant-per-project"] });
  });

  it("asks in a direct message to the app (message.im event) and is answered there", async () => {
    const res = await h.event({
      type: "event_callback",
      team_id: "T0SPIWORK",
      event_id: "Ev0OUTSIDEDM1",
      event: {
        type: "message",
        channel_type: "im",
        channel: "D0OUTSIDE2",
        user: "UOUTSIDE2",
        text: "when does the programme start?",
        ts: "1.000001",
      },
    });
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitFor("chat.postMessage");
    expect(post?.params.channel).toBe("D0OUTSIDE2");
    expect(JSON.stringify(post?.params)).toMatch(/October 2022/);
  });

  it("asks by @mentioning the bot in a channel and gets a private (ephemeral) answer", async () => {
    await h.event({
      type: "event_callback",
      team_id: "T0SPIWORK",
      event_id: "Ev0OUTSIDEMENTION1",
      authorizations: [{ user_id: "UBOT", is_bot: true, team_id: "T1" }],
      event: {
        type: "app_mention",
        channel: "C0GENERAL",
        user: "UOUTSIDE7",
        text: "<@UBOT> how much is the grant?",
        ts: "2.000001",
      },
    });
    const [post] = await h.fake.waitFor("chat.postEphemeral");
    expect(post?.params).toMatchObject({ channel: "C0GENERAL", user: "UOUTSIDE7" });
    expect(JSON.stringify(post?.params)).toMatch(/£10,000/);
  });

  it("is refused `update`, told how to be added, and no form opens", async () => {
    const res = await h.command("update", { user_id: "UOUTSIDE3", channel_id: CROYDON_CHANNEL });
    const body = json(res);
    expect(body).toContain("I don't know which team you're in yet");
    expect(body).toContain("Ask the programme team to add you");
    expect(body).toContain("`join`");
    expect(body).not.toMatch(/croydon/i);
    expect(h.fake.callsTo("views.open")).toHaveLength(0);
  });

  it("a question about “our team” is not answered from any team's data", async () => {
    const body = json(await h.command("who is our coach?", { user_id: "UOUTSIDE4", channel_id: CROYDON_CHANNEL }));
    expect(body).toContain("That's about your own team");
    expect(body).not.toMatch(/Daniel Mensah|croydon/i);
  });
});

describe("live answers about your own team", () => {
  it("“who is our coach?” comes from the team's coach in the data", async () => {
    const body = json(await h.command("who is our coach?", { user_id: MEMBER }));
    expect(body).toContain("The QI coach for Tower Hamlets Grow Our Own Link Workers is *Priya Shah*");
    expect(body).toContain("priya.shah@example.org");
    // Change the coach in the data: the answer follows.
    const rachel = await h.db.prisma.member.findFirstOrThrow({ where: { key: "rachel-byrne" } });
    await h.db.prisma.team.updateMany({ where: { key: "tower-hamlets" }, data: { coachId: rachel.id } });
    try {
      expect(json(await h.command("who's our QI coach?", { user_id: MEMBER }))).toContain("*Rachel Byrne*");
    } finally {
      const priya = await h.db.prisma.member.findFirstOrThrow({ where: { key: "priya-shah" } });
      await h.db.prisma.team.updateMany({ where: { key: "tower-hamlets" }, data: { coachId: priya.id } });
    }
    const asked = await h.db.prisma.askedQuestion.findMany({ where: { askerExternalId: MEMBER, outcome: "live" } });
    expect(asked.map((a) => a.sources)).toContainEqual(["coach"]);
  });

  it("next workshop, next milestone, what is due, spend, and what staff said", async () => {
    expect(json(await h.command("when is the next workshop?", { user_id: MEMBER }))).toContain(
      "Next workshop for Tower Hamlets Grow Our Own Link Workers: Mid-point learning workshop",
    );
    expect(json(await h.command("what's our next milestone?", { user_id: MEMBER }))).toContain("Next milestone for");
    expect(json(await h.command("what's due this month?", { user_id: MEMBER }))).toContain("November 2022 update: due");
    expect(json(await h.command("how much of our grant have we spent?", { user_id: MEMBER }))).toMatch(
      /reported £[\d,]+ spent of its £10,000 award|hasn't reported any spend/,
    );
    expect(json(await h.command("what did staff say to my last question?", { user_id: MEMBER }))).toContain(
      "I can't find a question from you or your team",
    );
  });
});

describe("“Did you mean…?” buttons", () => {
  it("pressing a suggestion answers it and records which entry helped for which question", async () => {
    const programme = await h.db.prisma.programme.findFirstOrThrow();
    const asked = await h.deps.asked.record({
      programmeId: programme.id,
      question: "what's the cash like",
      outcome: "suggest",
      sources: [],
      suggestions: ["grant-per-project", "total-funding"],
      platform: "slack",
      askerExternalId: MEMBER,
      memberId: null,
      unansweredId: null,
      askedAt: new Date("2022-11-25T10:00:00Z"),
    });
    const res = await press(MEMBER, "D0AISHA", "faq.pick#2", `${asked.id}|grant-per-project`);
    expect(res.status).toBe(200);
    expect(await lastResponse()).toMatch(/£10,000/);
    expect(await h.db.prisma.askedQuestion.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({
      pickedKey: "grant-per-project",
    });
    // Someone else pressing it (a forwarded message) gets the answer but records nothing.
    h.fake.reset();
    await press("UOUTSIDE5", "D0OUTSIDE5", "faq.pick", `${asked.id}|total-funding`);
    expect(await lastResponse()).toMatch(/£120,000/);
    expect((await h.db.prisma.askedQuestion.findUniqueOrThrow({ where: { id: asked.id } })).pickedKey).toBe(
      "grant-per-project",
    );
  });

  it("“None of these” passes the question to staff, once", async () => {
    const programme = await h.db.prisma.programme.findFirstOrThrow();
    const asked = await h.deps.asked.record({
      programmeId: programme.id,
      question: "can we pay volunteers from the grant",
      outcome: "suggest",
      sources: [],
      suggestions: ["what-is-the-grant-for"],
      platform: "slack",
      askerExternalId: MEMBER,
      memberId: null,
      unansweredId: null,
      askedAt: new Date("2022-11-25T10:00:00Z"),
    });
    await press(MEMBER, "D0AISHA", "faq.none", asked.id);
    expect(await lastResponse()).toContain("passed your question to the programme team");
    h.fake.reset();
    await press(MEMBER, "D0AISHA", "faq.none", asked.id);
    expect(await lastResponse()).toContain("already with the programme team");
    expect(await h.db.prisma.unansweredQuestion.count({ where: { question: asked.question } })).toBe(1);
  });
});

describe("joining a team: asked by the person, decided by staff", () => {
  it("join → a card with Approve/Decline in the staff channel → approval adds them, says they are a guest, tells them", async () => {
    h.fake.failNext("users.info", {
      body: {
        ok: true,
        user: { id: "UGUEST1", name: "gita", real_name: "Gita Guest", is_restricted: true, team_id: "T1" },
      },
    });
    const asked = json(
      await h.command("join croydon", { user_id: "UGUEST1", user_name: "gita", channel_id: "D0GUEST1" }),
    );
    expect(asked).toContain("I've asked the programme team to add you to Croydon Link Worker Hubs");
    const [card] = await h.fake.waitFor("chat.postMessage");
    expect(card?.params.channel).toBe(STAFF_CHANNEL);
    const cardText = JSON.stringify(card?.params.blocks);
    expect(cardText).toContain("join.approve");
    expect(cardText).toContain("join.decline");
    expect(cardText).toContain("guest account");
    const request = await h.db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: "UGUEST1" } });
    expect(request).toMatchObject({ status: "pending", guest: true });

    // Not a member until staff decide: a member cannot approve, and asking twice changes nothing.
    expect(json(await h.command("join croydon", { user_id: "UGUEST1", channel_id: "D0GUEST1" }))).toContain(
      "already asked",
    );
    await press(MEMBER, STAFF_CHANNEL, "join.approve", request.id);
    expect(await lastResponse()).toContain("Only programme staff");
    expect(await h.db.prisma.platformIdentity.count({ where: { externalId: "UGUEST1" } })).toBe(0);

    h.fake.reset();
    await press(STAFF, STAFF_CHANNEL, "join.approve", request.id);
    const decided = await lastResponse();
    expect(decided).toContain("Added gita to Croydon Link Worker Hubs");
    expect(decided).toContain("Guests are never added automatically");
    // The card pressed on now shows the decision instead of its buttons, so nobody presses again.
    const replaced = h.fake.callsTo("response").find((c) => c.params.replace_original === true);
    expect(JSON.stringify(replaced?.params)).toContain("Approved by Amara Okafor");
    expect(JSON.stringify(replaced?.params.blocks)).not.toContain("join.approve");
    const told = h.fake.callsTo("chat.postMessage").find((c) => c.params.channel === "UGUEST1");
    expect(JSON.stringify(told?.params)).toContain("added you to Croydon");
    const member = await h.db.prisma.member.findFirstOrThrow({
      where: { key: "slack-uguest1" },
      include: { team: true },
    });
    expect(member.team?.key).toBe("croydon");
    expect(
      await h.db.prisma.auditLog.count({ where: { action: { in: ["member.join-requested", "member.added"] } } }),
    ).toBe(2);

    // Now they are a member: status shows their team. A second Approve press is told who decided.
    expect(json(await h.command("status", { user_id: "UGUEST1", channel_id: "D0GUEST1" }))).toContain("Croydon");
    h.fake.reset();
    await press("U0SPISTAFF2", STAFF_CHANNEL, "join.approve", request.id);
    expect(await lastResponse()).toContain("already approved by Amara Okafor");
    expect(await h.db.prisma.member.count({ where: { key: "slack-uguest1" } })).toBe(1);
  });

  it("a Slack Connect user from another organisation is shown as such on the card", async () => {
    h.fake.failNext("users.info", {
      body: { ok: true, user: { id: "UEXT1", name: "ext", team_id: "T0OTHERORG", is_stranger: true } },
    });
    await h.command("join newham", { user_id: "UEXT1", user_name: "ext", channel_id: "D0EXT1" });
    const [card] = await h.fake.waitFor("chat.postMessage");
    expect(JSON.stringify(card?.params.blocks)).toContain("from another organisation (a Slack Connect user)");
    expect(await h.db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: "UEXT1" } })).toMatchObject({
      external: true,
    });
    expect(await h.db.prisma.platformIdentity.count({ where: { externalId: "UEXT1" } })).toBe(0);
  });

  it("decline tells the person and adds nobody", async () => {
    await h.command("join lambeth", { user_id: "UNOPE1", user_name: "nope", channel_id: "D0NOPE1" });
    const request = await h.db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: "UNOPE1" } });
    h.fake.reset();
    await press(STAFF, STAFF_CHANNEL, "join.decline", request.id);
    expect(await lastResponse()).toContain("Declined nope's request to join Lambeth");
    const replaced = h.fake.callsTo("response").find((c) => c.params.replace_original === true);
    expect(JSON.stringify(replaced?.params)).toContain("Declined by Amara Okafor");
    expect(JSON.stringify(h.fake.callsTo("chat.postMessage"))).toContain("didn't add you to Lambeth");
    expect(await h.db.prisma.platformIdentity.count({ where: { externalId: "UNOPE1" } })).toBe(0);
  });
});

describe("staff add and remove people", () => {
  it("add <@U…> <team> makes a member (audited); remove <@U…> undoes it; members cannot", async () => {
    expect(json(await h.command("add <@UNEWBIE1|newbie> lambeth", { user_id: MEMBER }))).toContain(
      "Only programme staff",
    );
    const added = json(
      await h.command("add <@UNEWBIE1|newbie> lambeth", { user_id: STAFF, channel_id: STAFF_CHANNEL }),
    );
    expect(added).toContain("Added newbie to Lambeth Community Connections");
    expect(json(await h.command("status", { user_id: "UNEWBIE1", channel_id: "D0NEWBIE1" }))).toContain("Lambeth");
    const moved = json(await h.command("add <@UNEWBIE1> croydon", { user_id: STAFF, channel_id: STAFF_CHANNEL }));
    expect(moved).toContain("Moved newbie to Croydon");
    const removed = json(await h.command("remove <@UNEWBIE1|newbie>", { user_id: STAFF, channel_id: STAFF_CHANNEL }));
    expect(removed).toContain("Removed newbie from Croydon Link Worker Hubs");
    expect(json(await h.command("status", { user_id: "UNEWBIE1", channel_id: "D0NEWBIE1" }))).toContain(
      "I don't know which team you're in",
    );
    const actions = await h.db.prisma.auditLog.findMany({
      where: { action: { startsWith: "member." }, details: { path: ["externalId"], equals: "UNEWBIE1" } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["member.added", "member.moved"]);
    expect(await h.db.prisma.auditLog.count({ where: { action: "member.removed" } })).toBeGreaterThanOrEqual(1);
  });

  it("staff and coaches are never changed from chat", async () => {
    expect(json(await h.command("remove <@U0SPICOACH1>", { user_id: STAFF, channel_id: STAFF_CHANNEL }))).toContain(
      "programme file",
    );
    expect(
      json(await h.command("add <@U0SPISTAFF2> croydon", { user_id: STAFF, channel_id: STAFF_CHANNEL })),
    ).toContain("programme file");
  });
});

describe("the FAQ for members only (programme.faqAudience: members)", () => {
  it("refuses outsiders and still answers members", async () => {
    await h.db.prisma.programme.updateMany({ data: { settings: { reminders: {}, faqAudience: "members" } } });
    try {
      const outsider = json(
        await h.command("how much is the grant?", { user_id: "UOUTSIDE6", channel_id: "D0OUTSIDE6" }),
      );
      expect(outsider).toContain("FAQ is only for people in the programme");
      expect(outsider).not.toContain("10,000");
      expect(json(await h.command("how much is the grant?", { user_id: MEMBER }))).toContain("10,000");
    } finally {
      await h.db.prisma.programme.updateMany({ data: { settings: { reminders: {}, faqAudience: "everyone" } } });
    }
  });
});

describe("faq stats (staff)", () => {
  it("shows per entry how often it answered and was picked, and the questions that ended in “I don't know”", async () => {
    await h.command("Can we claim mileage for home visits?", { user_id: MEMBER });
    const body = json(await h.command("faq stats", { user_id: STAFF, channel_id: STAFF_CHANNEL }));
    expect(body).toContain("grant-per-project");
    expect(body).toMatch(/picked from suggestions 1 of 1 offered/);
    expect(body).toContain("Can we claim mileage for home visits?");
    expect(json(await h.command("faq stats", { user_id: MEMBER }))).toContain("Only programme staff");
  });
});
