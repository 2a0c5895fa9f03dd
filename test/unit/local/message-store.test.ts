import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { createLocalGateway } from "../../../src/platforms/local/local-gateway.js";
import { createMessageStore } from "../../../src/platforms/local/message-store.js";

const bot = { kind: "bot" as const };

describe("playground message store and gateway", () => {
  it("keeps private messages for their person and lists after an id", () => {
    const store = createMessageStore();
    const a = store.add({ channel: "c", at: "t", author: bot, text: "public" });
    const b = store.add({ channel: "c", at: "t", author: bot, text: "for ann", visibleTo: "ann" });
    expect(store.list("c", { viewer: "ann" }).map((m) => m.id)).toEqual([a.id, b.id]);
    expect(store.list("c", { viewer: "bob" }).map((m) => m.id)).toEqual([a.id]);
    expect(store.list("c", { viewer: "ann", after: a.id }).map((m) => m.id)).toEqual([b.id]);
    expect(store.lastId()).toBe(b.id);
  });

  it("replaces a bot message in place (same id and position), and nothing else", () => {
    const store = createMessageStore();
    const card = store.add({ channel: "c", at: "t", author: bot, message: { summary: "card", blocks: [] } });
    const typed = store.add({ channel: "c", at: "t", author: { kind: "person", key: "ann", name: "Ann" }, text: "hi" });
    const decided = { summary: "decided", blocks: [] };
    expect(store.replace("c", card.id, decided)).toMatchObject({ id: card.id, message: decided });
    expect(store.list("c", { viewer: "x" }).map((m) => m.message?.summary ?? m.text)).toEqual(["decided", "hi"]);
    expect(store.replace("c", typed.id, decided)).toBeNull();
    expect(store.replace("other", card.id, decided)).toBeNull();
  });

  it("is bounded per channel and in channels", () => {
    const store = createMessageStore({ perChannel: 3, maxChannels: 2 });
    for (let i = 0; i < 5; i++) store.add({ channel: "a", at: "t", author: bot, text: String(i) });
    expect(store.list("a", { viewer: "x" }).map((m) => m.text)).toEqual(["2", "3", "4"]);
    store.add({ channel: "b", at: "t", author: bot, text: "b" });
    store.add({ channel: "a", at: "t", author: bot, text: "5" }); // "a" is now the most recent
    store.add({ channel: "c", at: "t", author: bot, text: "c" });
    expect(store.list("b", { viewer: "x" })).toEqual([]);
    expect(store.list("a", { viewer: "x" })).toHaveLength(3);
  });

  it("posts channel messages to the channel and direct messages to the person's chat", async () => {
    const store = createMessageStore();
    const clock = fixedClock("2022-11-29T09:00:00Z");
    const gateway = createLocalGateway({ store, clock });
    const message = { summary: "Reminder", blocks: [] };
    const sent = await gateway.send({ platform: "local", kind: "channel", externalId: "lambeth" }, message);
    await gateway.send({ platform: "local", kind: "user", externalId: "grace-adeyemi" }, message);
    expect(sent.messageId).toMatch(/^local-\d+$/);
    expect(store.list("lambeth", { viewer: "x" })[0]).toMatchObject({ at: "2022-11-29T09:00:00.000Z", message });
    expect(store.list("dm:grace-adeyemi", { viewer: "grace-adeyemi" })).toHaveLength(1);
    await expect(gateway.send({ platform: "local", kind: "channel", externalId: " " }, message)).rejects.toMatchObject({
      name: "DeliveryError",
      permanent: true,
    });
  });
});
