import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Playground, startPlayground } from "./start-playground.js";

const NOW = "2022-11-25T10:00:00Z";
const member = "aisha-rahman"; // Tower Hamlets
const staff = "amara-okafor";
const visitor = "visitor"; // the playground's person in no team

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground({ now: NOW });
});
afterAll(async () => pg?.close());

/** Types a line as `as` in `channel`; returns the html of the bot's replies that arrived. */
async function send(as: string, channel: string, text: string): Promise<string> {
  const before = await pg.get(`messages?as=${as}&channel=${channel}`);
  const last = before.body.messages.at(-1)?.id ?? 0;
  expect((await pg.post("send", { as, channel, text })).status).toBe(200);
  const after = await pg.get(`messages?as=${as}&channel=${channel}&after=${last}`);
  return after.body.messages
    .filter((m: { fromBot: boolean }) => m.fromBot)
    .map((m: { html: string }) => m.html)
    .join("\n");
}

describe("playground: someone in no team", () => {
  it("is listed as a person to act as, with only a personal chat", async () => {
    const html = await (await fetch(`${pg.url}/`)).text();
    expect(html).toContain('<option value="visitor">Sam Visitor</option>');
    const channels = await pg.get(`channels?as=${visitor}`);
    expect(channels.body.channels.map((c: { id: string }) => c.id)).toEqual(["dm:visitor"]);
  });

  it("gets FAQ answers, and `update` is refused with how to be added", async () => {
    expect(await send(visitor, "dm:visitor", "how much is the grant?")).toContain("£10,000");
    const refused = await send(visitor, "dm:visitor", "update");
    expect(refused).toContain("Ask the programme team to add you");
    expect(refused).toContain("<code>join</code>");
  });

  it("asks to join; staff approve with the card's button; they become a member of that team", async () => {
    expect(await send(visitor, "dm:visitor", "join croydon")).toContain(
      "asked the programme team to add you to Croydon",
    );
    const staffView = await pg.get(`messages?as=${staff}&channel=staff`);
    const card = staffView.body.messages.at(-1);
    expect(card.html).toContain('data-action="join.approve"');
    const requestId = /data-action="join\.approve" data-value="([^"]+)"/.exec(card.html)?.[1];
    const approved = await pg.post("action", {
      as: staff,
      channel: "staff",
      action: "join.approve",
      value: requestId,
      source: card.id,
    });
    expect(approved.status).toBe(200);
    // The card pressed on now shows the decision instead of its buttons, in its place, as in Slack.
    expect(approved.body.replaced).toMatchObject({ id: card.id });
    const decidedCard = (await pg.get(`messages?as=${staff}&channel=staff`)).body.messages.find(
      (m: { id: number }) => m.id === card.id,
    );
    expect(decidedCard.html).toContain("Approved by Amara Okafor");
    expect(decidedCard.html).not.toContain("data-action=");
    const staffReply = (await pg.get(`messages?as=${staff}&channel=staff&after=${card.id}`)).body.messages;
    expect(staffReply.map((m: { html: string }) => m.html).join()).toContain(
      "Added Sam Visitor to Croydon Link Worker Hubs",
    );
    const dm = (await pg.get(`messages?as=${visitor}&channel=dm:visitor`)).body.messages;
    expect(dm.at(-1).html).toContain("added you to Croydon");
    const channels = await pg.get(`channels?as=${visitor}`);
    expect(channels.body.channels.map((c: { id: string }) => c.id)).toContain("croydon");
    expect(await pg.db.prisma.auditLog.count({ where: { action: "member.added" } })).toBe(1);
  });
});

describe("playground: suggestion buttons and FAQ stats", () => {
  it("pressing a suggestion answers it and records the pick; staff see it in `faq stats`", async () => {
    const programme = await pg.db.prisma.programme.findFirstOrThrow();
    const asked = await pg.deps.asked.record({
      programmeId: programme.id,
      question: "what do we get",
      outcome: "suggest",
      sources: [],
      suggestions: ["what-support-do-we-get", "grant-per-project"],
      platform: "local",
      askerExternalId: member,
      memberId: null,
      unansweredId: null,
      askedAt: new Date(NOW),
    });
    const pressed = await pg.post("action", {
      as: member,
      channel: `dm:${member}`,
      action: "faq.pick",
      value: `${asked.id}|what-support-do-we-get`,
    });
    expect(pressed.status).toBe(200);
    const dm = (await pg.get(`messages?as=${member}&channel=dm:${member}`)).body.messages;
    expect(dm.at(-1).html).toContain("what-support-do-we-get");
    expect((await pg.db.prisma.askedQuestion.findUniqueOrThrow({ where: { id: asked.id } })).pickedKey).toBe(
      "what-support-do-we-get",
    );
    const stats = await send(staff, "staff", "faq stats");
    expect(stats).toContain("FAQ use");
    expect(stats).toMatch(
      /what-support-do-we-get<\/code> used 1 \(answered 0, picked from suggestions 1 of 1 offered\)/,
    );
  });
});
