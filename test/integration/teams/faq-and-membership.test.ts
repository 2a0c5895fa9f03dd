import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  channelMention,
  invoke,
  MEMBER,
  type Person,
  personalMessage,
  STAFF,
  STRANGER,
} from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";
import { cardProblems } from "../../unit/teams/adaptive-card-validator.js";

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

/** A personal-chat message; returns the card the bot replied with, as JSON text. */
async function say(from: Person, text: string): Promise<string> {
  h.connector.reset();
  const res = await h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from, text }));
  expect(res.status).toBe(200);
  const replies = h.connector.activities();
  expect(replies).toHaveLength(1);
  const attachments = (replies[0]?.body.attachments ?? []) as { content: unknown }[];
  for (const a of attachments) expect(cardProblems(a.content)).toEqual([]);
  return JSON.stringify(replies[0]?.body.attachments);
}

describe("Teams: the FAQ for everyone, live answers for members", () => {
  it("someone in no programme asks in their personal chat and gets the FAQ answer", async () => {
    expect(await say(STRANGER, "how much funding is there in total?")).toContain("£120,000");
  });

  it("someone in no programme is refused `update`, with how to be added", async () => {
    const card = await say(STRANGER, "update");
    expect(card).toContain("I don't know which team you're in yet");
    expect(card).toContain("Ask the programme team to add you");
    expect(card).not.toContain("Monthly progress update");
  });

  it("a member's “who is our coach?” is answered from the team's coach", async () => {
    const card = await say(MEMBER, "who is our coach?");
    expect(card).toContain("The QI coach for Tower Hamlets Grow Our Own Link Workers is **Priya Shah**");
  });

  it("help shows `ask` with a readable placeholder: no angle brackets or full-width look-alikes", async () => {
    const card = await say(STRANGER, "help");
    expect(card).toContain("**ask** _question_");
    expect(card).toContain("**join** _team_");
    expect(card).not.toMatch(/[\uFF1C\uFF1E]/);
  });
});

describe("Teams: suggestion buttons", () => {
  it("a suggestion pressed in the card (task/fetch) answers it and records the pick", async () => {
    const programme = await h.db.prisma.programme.findFirstOrThrow();
    const asked = await h.deps.asked.record({
      programmeId: programme.id,
      question: "what's the money situation",
      outcome: "suggest",
      sources: [],
      suggestions: ["grant-per-project", "total-funding"],
      platform: "teams",
      askerExternalId: MEMBER.aadObjectId ?? "",
      memberId: null,
      unansweredId: null,
      askedAt: new Date("2022-11-28T10:00:00Z"),
    });
    const res = await h.post(
      invoke({
        serviceUrl: h.connector.url,
        id: h.nextId(),
        from: MEMBER,
        name: "task/fetch",
        data: { msteams: { type: "task/fetch" }, cohortAction: "faq.pick", cohortValue: `${asked.id}|total-funding` },
      }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(h.connector.activities()[0]?.body)).toContain("£120,000");
    expect((await h.db.prisma.askedQuestion.findUniqueOrThrow({ where: { id: asked.id } })).pickedKey).toBe(
      "total-funding",
    );
  });
});

describe("Teams: staff add people by mentioning them", () => {
  it("`@Cohort Bot add @Someone New croydon` in the staff channel makes them a member (by their object id)", async () => {
    const mention = `<at>${STRANGER.name}</at>`;
    const activity = channelMention({
      serviceUrl: h.connector.url,
      id: h.nextId(),
      from: STAFF,
      text: `add ${mention} croydon`,
      channelId: "19:spi-staff@thread.tacv2",
    });
    activity.entities.push({
      type: "mention",
      text: mention,
      mentioned: { id: STRANGER.id, name: STRANGER.name, aadObjectId: STRANGER.aadObjectId },
    } as (typeof activity.entities)[number]);
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    expect(JSON.stringify(h.connector.activities().map((a) => a.body))).toContain("Added Someone New to Croydon");
    expect(await say(STRANGER, "status")).toContain("Croydon");
  });
});
