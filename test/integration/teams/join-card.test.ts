import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT, type Person, personalMessage, STAFF, STRANGER, TENANT } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";
import { cardProblems } from "../../unit/teams/adaptive-card-validator.js";

const STAFF_CHANNEL = "19:spi-staff@thread.tacv2";
const NEWCOMER: Person = {
  id: "29:newcomer",
  aadObjectId: "00000000-0000-0000-0000-0000000000bb",
  name: "Nia Newcomer",
};

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
  // The bot is added to the staff channel, so join cards are posted there through the fake connector.
  const added = JSON.parse(readFileSync("test/fixtures/teams/conversation-update-bot-added.json", "utf8"));
  const staffTeam = { ...added.channelData.team, id: STAFF_CHANNEL, name: "SPI programme team" };
  const installed = await h.post({
    ...added,
    serviceUrl: `${h.connector.url}/`,
    conversation: { ...added.conversation, id: STAFF_CHANNEL },
    channelData: { ...added.channelData, team: staffTeam },
  });
  expect(installed.status).toBe(200);
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

/** Staff press a card's Action.Submit button in the staff channel: a message carrying the card's data. */
async function press(from: Person, cardActivityId: string, action: string, value: string) {
  const res = await h.post({
    type: "message",
    id: h.nextId(),
    replyToId: cardActivityId,
    value: { cohortAction: action, cohortValue: value },
    channelId: "msteams",
    serviceUrl: `${h.connector.url}/`,
    from,
    recipient: BOT,
    conversation: {
      id: `${STAFF_CHANNEL};messageid=${cardActivityId}`,
      conversationType: "channel",
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT }, team: { id: STAFF_CHANNEL }, channel: { id: STAFF_CHANNEL } },
  });
  expect(res.status).toBe(200);
}

/** The person asks to join; returns the id the connector gave the card posted in the staff channel. */
async function askToJoin(from: Person, team: string): Promise<string> {
  await h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from, text: `join ${team}` }));
  const index = h.connector.calls.findIndex(
    (c) => c.method === "POST" && c.path === `/v3/conversations/${STAFF_CHANNEL}/activities`,
  );
  expect(JSON.stringify(h.connector.calls[index]?.body)).toContain("join.approve");
  // The fake connector numbers what it sends: "sent-N" for the N-th call that is not a conversation creation.
  const sentBefore = h.connector.calls.slice(0, index + 1).filter((c) => c.path !== "/v3/conversations").length;
  return `sent-${sentBefore}`;
}

/** The PUT that updated the card in place, if any. */
function cardUpdate(cardActivityId: string) {
  return h.connector.calls.find(
    (c) =>
      c.method === "PUT" &&
      c.path === `/v3/conversations/${STAFF_CHANNEL};messageid=${cardActivityId}/activities/${cardActivityId}`,
  );
}

describe("Teams: a decided join request's card shows the decision in place of its buttons", () => {
  it("approve: the card pressed on is updated to say who approved, without buttons", async () => {
    const cardId = await askToJoin(STRANGER, "croydon");
    const request = await h.db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: STRANGER.aadObjectId } });
    h.connector.reset();
    await press(STAFF, cardId, "join.approve", request.id);
    const updated = cardUpdate(cardId);
    expect(updated, "the card was not updated (PUT .../activities/{replyToId})").toBeDefined();
    expect(JSON.stringify(updated?.body)).toContain("Approved by Amara Okafor");
    expect(JSON.stringify(updated?.body)).not.toContain("join.approve");
    const attachments = (updated?.body.attachments ?? []) as { content: unknown }[];
    for (const a of attachments) expect(cardProblems(a.content)).toEqual([]);
    // The presser still gets the decision as a reply.
    expect(JSON.stringify(h.connector.activities().map((c) => c.body))).toContain("Added Someone New to Croydon");
  });

  it("decline: the card says who declined", async () => {
    const cardId = await askToJoin(NEWCOMER, "lambeth");
    const request = await h.db.prisma.joinRequest.findFirstOrThrow({ where: { externalId: NEWCOMER.aadObjectId } });
    h.connector.reset();
    await press(STAFF, cardId, "join.decline", request.id);
    expect(JSON.stringify(cardUpdate(cardId)?.body)).toContain("Declined by Amara Okafor");
  });
});
