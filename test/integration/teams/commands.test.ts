import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MEMBER, personalMessage, STAFF, STRANGER } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

/** Sends a personal-chat message and returns the text of the card the bot replied with. */
async function say(from: typeof MEMBER, text: string) {
  h.connector.reset();
  const res = await h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from, text }));
  expect(res.status).toBe(200);
  const replies = h.connector.activities();
  expect(replies).toHaveLength(1);
  expect(replies[0]!.path).toBe(`/v3/conversations/a:personal-${from.id}/activities`);
  return JSON.stringify(replies[0]!.body.attachments);
}

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`test/fixtures/teams/${name}.json`, "utf8")) as Record<string, unknown>;
}

describe("Teams commands by message (through POST /api/messages)", () => {
  it("help lists the member commands, not the staff ones", async () => {
    const card = await say(MEMBER, "help");
    expect(card).toContain("update");
    expect(card).toContain("next");
    expect(card).not.toContain("(staff)");
    expect(await say(STAFF, "help")).toContain("(staff)");
  });

  it("answers an unknown user with what the bot does and how to get added", async () => {
    const card = await say(STRANGER, "help");
    expect(card).toContain("update");
    expect(card).toContain("Ask the programme team to add you");
  });

  it("next shows the team's next coaching session", async () => {
    expect(await say(MEMBER, "next")).toContain("Next coaching session");
  });

  it("ask and a plain question both go to the FAQ", async () => {
    const asked = await say(MEMBER, "ask how much is the grant?");
    h.connector.reset();
    const plain = await say(MEMBER, "how much is the grant?");
    expect(asked).toContain("10,000");
    expect(plain).toContain("10,000");
  });

  it("status reports the team's update status", async () => {
    expect(await say(MEMBER, "status")).toMatch(/2022|update/i);
  });

  it("update answers with a card whose button opens the dialog (task/fetch)", async () => {
    const card = await say(MEMBER, "update");
    expect(card).toContain('"type":"task/fetch"');
    expect(card).toContain("Monthly progress update");
  });

  it("digest is staff-only: members are refused, staff get the digest", async () => {
    expect(await say(MEMBER, "digest 2022-10")).toContain("Only programme staff can use");
    h.connector.reset();
    const digest = await say(STAFF, "digest 2022-10");
    expect(digest).not.toContain("Only programme staff");
    expect(digest).toContain("2022");
  });

  it("an unknown command gets the core's hint", async () => {
    expect(await say(MEMBER, "frobnicate")).toContain("I don't know the command");
  });

  it("a duplicate activity (same id) has a single effect", async () => {
    const activity = personalMessage({ serviceUrl: h.connector.url, id: "dup-1", from: MEMBER, text: "next" });
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.activities()).toHaveLength(1);
  });

  it("escapes user text echoed back (no <at> spoofing, no markdown links)", async () => {
    const card = JSON.parse(await say(MEMBER, "<at>Everyone</at>[click](https://evil.example)")) as {
      content: { body: { text: string }[] };
    }[];
    const shown = card[0]!.content.body.map((b) => b.text).join("\n");
    expect(shown).toContain("\\[click\\](https://evil.example)");
    expect(JSON.stringify(card)).not.toContain("<at>");
  });

  it("a channel @mention strips the mention, and the private reply goes to a 1:1 chat", async () => {
    const activity = { ...fixture("channel-mention"), serviceUrl: `${h.connector.url}/` };
    expect((await h.post(activity)).status).toBe(200);
    const created = h.connector.calls.find((c) => c.method === "POST" && c.path === "/v3/conversations");
    expect(created?.body.members).toEqual([expect.objectContaining({ id: "29:aisha" })]);
    const [reply] = h.connector.activities();
    expect(reply?.path).toBe("/v3/conversations/a:created-1/activities");
    expect(JSON.stringify(reply?.body)).toContain("Next coaching session");
  });

  it("falls back to replying in the channel thread when a 1:1 chat cannot be opened", async () => {
    h.connector.failFor("/v3/conversations", { status: 403 });
    const activity = { ...fixture("channel-mention"), id: "m-2", serviceUrl: `${h.connector.url}/` };
    // Every connector call fails here, so only the attempt order can be checked.
    await h.post(activity);
    const paths = h.connector.calls.map((c) => c.path);
    expect(paths[0]).toBe("/v3/conversations");
    expect(paths[1]).toBe("/v3/conversations/19:spi-tower-hamlets@thread.tacv2;messageid=1668506400000/activities");
  });
});

describe("conversation references for proactive sends", () => {
  it("the bot being added to a configured team channel stores its reference", async () => {
    const activity = { ...fixture("conversation-update-bot-added"), serviceUrl: `${h.connector.url}/` };
    expect((await h.post(activity)).status).toBe(200);
    const [channel] = await h.deps.programmes.findChannels("teams", "19:spi-tower-hamlets@thread.tacv2");
    expect(channel?.purpose).toBe("team");
    expect(channel?.conversationRef).toMatchObject({
      serviceUrl: h.connector.url,
      conversation: { id: "19:spi-tower-hamlets@thread.tacv2" },
      bot: { id: "28:cohort-bot" },
      tenantId: "72f988bf-0000-0000-0000-000000000001",
    });
  });

  it("installation in a personal scope stores a personal channel linked to the member", async () => {
    const activity = { ...fixture("installation-update-personal"), serviceUrl: `${h.connector.url}/` };
    expect((await h.post(activity)).status).toBe(200);
    const [personal] = await h.deps.programmes.findChannels("teams", MEMBER.aadObjectId!);
    expect(personal?.purpose).toBe("personal");
    expect(personal?.teamId).not.toBeNull();
    expect(personal?.conversationRef).toMatchObject({ conversation: { id: "a:personal-29:aisha" } });
  });

  it("uninstalling marks the conversation inactive", async () => {
    const activity = {
      ...fixture("installation-update-personal"),
      id: "f:remove",
      action: "remove",
      serviceUrl: `${h.connector.url}/`,
    };
    expect((await h.post(activity)).status).toBe(200);
    const [personal] = await h.deps.programmes.findChannels("teams", MEMBER.aadObjectId!);
    expect(personal?.active).toBe(false);
  });
});
