import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { textMessage } from "../../../src/core/messages/message.js";
import { DeliveryError } from "../../../src/core/ports/chat-gateway.js";
import { MEMBER, personalMessage } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";

const CHANNEL = "19:spi-tower-hamlets@thread.tacv2";
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
  const [channel] = await h.deps.programmes.findChannels("teams", CHANNEL);
  await h.deps.programmes.upsertChannel({
    ...channel!,
    conversationRef: {
      serviceUrl: h.connector.url,
      channelId: "msteams",
      conversation: { id: CHANNEL },
      bot: { id: "28:cohort-bot" },
    },
  });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

const gateway = () => h.deps.gateways.teams!;
const channelTarget = { platform: "teams" as const, kind: "channel" as const, externalId: CHANNEL };

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("Teams gateway (proactive sends without credentials reach the stored serviceUrl)", () => {
  it("posts a card to a team channel from its stored conversation reference", async () => {
    const sent = await gateway().send(channelTarget, textMessage("Reminder: *coaching* tomorrow <at>x</at>"));
    expect(sent.messageId).toMatch(/^sent-/);
    const [call] = h.connector.activities();
    expect(call?.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(call?.body.from).toMatchObject({ id: "28:cohort-bot" });
    expect(JSON.stringify(call?.body)).toContain("Reminder: \\\\*coaching\\\\* tomorrow");
    expect(JSON.stringify(call?.body)).not.toContain("<at>");
  });

  it("messages a person in the 1:1 chat recorded from their first message", async () => {
    await h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from: MEMBER, text: "help" }));
    h.connector.reset();
    await gateway().send(
      { platform: "teams", kind: "user", externalId: MEMBER.aadObjectId! },
      textMessage("Your update is due"),
    );
    expect(h.connector.activities()[0]?.path).toBe(`/v3/conversations/a:personal-${MEMBER.id}/activities`);
  });

  it("a person the bot has never talked to is a permanent failure", async () => {
    const error = await failure(
      gateway().send({ platform: "teams", kind: "user", externalId: "nobody" }, textMessage("x")),
    );
    expect(error.permanent).toBe(true);
  });

  it("403 BotNotInConversationRoster from the connector is permanent", async () => {
    h.connector.failFor(CHANNEL, {
      status: 403,
      body: { error: { code: "BotNotInConversationRoster", message: "not in roster" } },
    });
    const error = await failure(gateway().send(channelTarget, textMessage("x")));
    expect(error.permanent).toBe(true);
    expect(error.reason).toContain("BotNotInConversationRoster");
  });

  it("404 conversation not found is permanent", async () => {
    h.connector.failFor(CHANNEL, { status: 404, body: { error: { code: "ConversationNotFound", message: "gone" } } });
    expect((await failure(gateway().send(channelTarget, textMessage("x")))).permanent).toBe(true);
  });

  it("429 is temporary and carries Retry-After", async () => {
    h.connector.failFor(CHANNEL, { status: 429, headers: { "retry-after": "7" } });
    const error = await failure(gateway().send(channelTarget, textMessage("x")));
    expect(error.permanent).toBe(false);
    expect(error.retryAfterMs).toBe(7000);
  });

  it("500 is temporary", async () => {
    h.connector.failFor(CHANNEL, { status: 500 });
    expect((await failure(gateway().send(channelTarget, textMessage("x")))).permanent).toBe(false);
  });
});
