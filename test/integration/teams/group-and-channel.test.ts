import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT, channelMention, MEMBER, TENANT } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";

const CHANNEL = "19:spi-tower-hamlets@thread.tacv2";
const GROUP_CHAT = "19:8f2a6c0e5b1d4e7f@thread.v2";

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

/** A group chat message as Teams sends it: the bot only hears it when @mentioned; no threads in chats. */
function groupChatMention(input: { id: string; text: string }) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: "message",
    id: input.id,
    text: input.text.replace("@bot", mention),
    channelId: "msteams",
    serviceUrl: h.connector.url,
    from: MEMBER,
    recipient: BOT,
    conversation: { id: GROUP_CHAT, conversationType: "groupChat", isGroup: true, tenantId: TENANT },
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    channelData: { tenant: { id: TENANT } },
  };
}

function cardText(call: { body: Record<string, unknown> } | undefined): string {
  return JSON.stringify(call?.body.attachments ?? call?.body.text ?? "");
}

describe("@mentions in channels and group chats", () => {
  it("channel: the mention is stripped, the answer goes to a 1:1 chat and a note into the post's thread", async () => {
    const id = h.nextId();
    const res = await h.post(
      channelMention({ serviceUrl: h.connector.url, id, from: MEMBER, text: "next", channelId: CHANNEL }),
    );
    expect(res.status).toBe(200);
    const [answer, note] = h.connector.activities();
    expect(answer?.path).toMatch(/^\/v3\/conversations\/a:created-\d+\/activities$/);
    expect(cardText(answer)).toContain("Next coaching session");
    // Threaded: the reply goes to the thread of the post that mentioned the bot, not a new channel post.
    expect(note?.path).toBe(`/v3/conversations/${CHANNEL};messageid=${id}/activities`);
    expect(cardText(note)).toContain("Aisha, I've answered you in our 1:1 chat.");
    expect(h.connector.activities()).toHaveLength(2);
  });

  it("channel: a mention in the middle of the text, with Teams' &nbsp;, still leaves just the command", async () => {
    const activity = channelMention({
      serviceUrl: h.connector.url,
      id: h.nextId(),
      from: MEMBER,
      text: "x",
      channelId: CHANNEL,
    });
    activity.text = `status&nbsp;<at>${BOT.name}</at>&nbsp;please`;
    await h.post(activity);
    // "status please" is not a question: the core sees the word "status" and answers with the team's status.
    expect(cardText(h.connector.activities()[0])).toMatch(/November 2022 update/);
  });

  it("group chat: the mention is stripped and the note goes to the chat itself (chats have no threads)", async () => {
    const res = await h.post(groupChatMention({ id: h.nextId(), text: "@bot How much grant does each team get?" }));
    expect(res.status).toBe(200);
    const [answer, note] = h.connector.activities();
    expect(answer?.path).toMatch(/^\/v3\/conversations\/a:created-\d+\/activities$/);
    expect(cardText(answer)).toContain("10,000");
    expect(note?.path).toBe(`/v3/conversations/${GROUP_CHAT}/activities`);
    // A group chat is not a programme channel: nothing is stored for proactive sends.
    expect(await h.deps.programmes.findChannels("teams", GROUP_CHAT)).toEqual([]);
  });

  it("group chat: update answers privately with the form launcher (dialog and in-card buttons)", async () => {
    await h.post(groupChatMention({ id: h.nextId(), text: "@bot update" }));
    const [launcher, note] = h.connector.activities();
    expect(launcher?.path).toMatch(/^\/v3\/conversations\/a:created-\d+\/activities$/);
    const actions = (launcher!.body.attachments as { content: { actions: { type: string }[] } }[])[0]!.content.actions;
    expect(actions.map((a) => a.type)).toEqual(["Action.Submit", "Action.Execute"]);
    expect(note?.path).toBe(`/v3/conversations/${GROUP_CHAT}/activities`);
  });
});
