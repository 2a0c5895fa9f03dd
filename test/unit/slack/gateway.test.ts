import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.js";
import { textMessage } from "../../../src/core/messages/message.js";
import { DeliveryError } from "../../../src/core/ports/chat-gateway.js";
import { slackConfig } from "../../../src/platforms/slack/config.js";
import { createGatewayClient, createSlackGateway } from "../../../src/platforms/slack/gateway.js";
import { type FakeSlackApi, startFakeSlackApi } from "../../fakes/fake-slack-api.js";

let fake: FakeSlackApi;
let gateway: ReturnType<typeof createSlackGateway>;
beforeAll(async () => {
  fake = await startFakeSlackApi();
  const env = parseEnv({ SLACK_BOT_TOKEN: "xoxb-gw", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: fake.url });
  gateway = createSlackGateway(createGatewayClient(slackConfig(env)));
});
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

const channel = { platform: "slack" as const, kind: "channel" as const, externalId: "C0SPITWH" };
const user = { platform: "slack" as const, kind: "user" as const, externalId: "U0SPITWH1" };

async function failure(): Promise<DeliveryError> {
  const error = await gateway.send(channel, textMessage("Reminder")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("Slack ChatGateway", () => {
  it("posts rendered, escaped blocks to a channel and returns the message ts", async () => {
    const result = await gateway.send(channel, textMessage("Due soon <!channel>"));
    expect(result.messageId).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = fake.callsTo("chat.postMessage");
    expect(call?.params.channel).toBe("C0SPITWH");
    expect(call?.params.text).toBe("Due soon &lt;!channel&gt;");
    expect(call?.authorization).toBe("Bearer xoxb-gw");
  });

  it("tags outbox posts with their delivery key and, on a retry, finds an earlier post instead of posting twice", async () => {
    const first = await gateway.send(channel, textMessage("Coaching tomorrow"), { deliveryKey: "session-24h:s1:c1" });
    const [posted] = fake.callsTo("chat.postMessage");
    expect(posted?.params.metadata).toEqual({
      event_type: "cohort_bot_delivery",
      event_payload: { delivery_key: "session-24h:s1:c1" },
    });

    // The first attempt reached Slack but was never confirmed (crash): the retry must not post again.
    const since = new Date(Date.now() - 60_000);
    const retry = await gateway.send(channel, textMessage("Coaching tomorrow"), {
      deliveryKey: "session-24h:s1:c1",
      mayAlreadyBeSent: true,
      since,
    });
    expect(retry.messageId).toBe(first.messageId);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(fake.callsTo("conversations.history")[0]?.params).toMatchObject({
      channel: "C0SPITWH",
      include_all_metadata: "true",
    });

    // A different occasion in the same channel is not mistaken for it.
    await gateway.send(channel, textMessage("Other"), {
      deliveryKey: "session-1h:s1:c1",
      mayAlreadyBeSent: true,
      since,
    });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("posts anyway when the earlier-post check fails (missing history scope): at least once, never lost", async () => {
    fake.failNext("conversations.history", { body: { ok: false, error: "missing_scope" } });
    await gateway.send(channel, textMessage("Nudge"), { deliveryKey: "k1", mayAlreadyBeSent: true });
    expect(fake.accepted("chat.postMessage")).toHaveLength(1);
  });

  it("sends a DM by posting to the user id", async () => {
    await gateway.send(user, textMessage("Hi"));
    expect(fake.callsTo("chat.postMessage")[0]?.params.channel).toBe("U0SPITWH1");
    expect(fake.callsTo("conversations.open")).toHaveLength(0);
  });

  it("429 with Retry-After → temporary, with retryAfterMs, and no SDK retry or sleep", async () => {
    fake.failNext("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "7" },
      body: { ok: false, error: "ratelimited" },
    });
    const started = Date.now();
    const error = await failure();
    expect(error.permanent).toBe(false);
    expect(error.retryAfterMs).toBe(7000);
    expect(Date.now() - started).toBeLessThan(7000); // it did not sleep the Retry-After
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("500 → temporary, tried once (the outbox owns retries)", async () => {
    fake.failNext("chat.postMessage", { status: 500, body: { ok: false } }, 3);
    const error = await failure();
    expect(error.permanent).toBe(false);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it.each(["channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth"])(
    "ok:false %s → permanent",
    async (reason) => {
      fake.failNext("chat.postMessage", { body: { ok: false, error: reason } });
      const error = await failure();
      expect(error.permanent).toBe(true);
      expect(error.reason).toBe(reason);
    },
  );

  it("403 → permanent (the app was removed)", async () => {
    fake.failNext("chat.postMessage", { status: 403, body: { ok: false } });
    expect((await failure()).permanent).toBe(true);
  });

  it("network failure → temporary", async () => {
    const env = parseEnv({
      SLACK_BOT_TOKEN: "xoxb-gw",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const offline = createSlackGateway(createGatewayClient(slackConfig(env)));
    const error = await offline.send(channel, textMessage("x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).permanent).toBe(false);
  });

  it("refuses a target on another platform as permanent", async () => {
    const error = await gateway.send({ ...channel, platform: "teams" }, textMessage("x")).catch((e: unknown) => e);
    expect((error as DeliveryError).permanent).toBe(true);
    expect(fake.calls).toHaveLength(0);
  });
});
