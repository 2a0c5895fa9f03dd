import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

// Sample people from prisma/seed/sp-innovators.yaml.
const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets
const STAFF = "U0SPISTAFF1";
const TEAM_CHANNEL = "C0SPITWH";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());
// Read-only tests share the seeded database; the few that write use their own user ids and triggers.
beforeEach(() => h.fake.reset());

const blocksText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

describe("POST /slack/events signature checks", () => {
  it.each(["none", "bad", "old"] as const)("answers 401 to a %s signature and runs nothing", async (mode) => {
    const before = await h.db.prisma.inboundEvent.count();
    const res = await h.command("help", {}, mode);
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    expect(h.fake.calls).toEqual([]);
    expect(await h.db.prisma.inboundEvent.count()).toBe(before);
  });

  it("answers a tampered body with 401", async () => {
    const body = new URLSearchParams({ command: "/cohort", text: "help", user_id: MEMBER, trigger_id: "t" }).toString();
    const { signHeaders } = await import("../../support/slack-harness.js");
    const headers = signHeaders(body, "good");
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: body.replace("help", "digest"),
    });
    expect(res.status).toBe(401);
  });

  it("answers Slack's url_verification challenge when signed", async () => {
    const res = await h.event({ type: "url_verification", challenge: "abc123", token: "x" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("abc123");
  });
});

describe("/cohort subcommands", () => {
  it("help: a member gets an ephemeral list in the ack body, staff commands hidden", async () => {
    const res = await h.command("help", { user_id: MEMBER });
    expect(res.status).toBe(200);
    const body = res.json(); // the answer rides in the ack itself
    expect(body.response_type).toBe("ephemeral");
    expect(blocksText(body)).toContain("update");
    expect(blocksText(body)).toContain("Tower Hamlets");
    expect(blocksText(body)).not.toContain("unlock");
  });

  it("help: staff also see staff commands", async () => {
    const body = (await h.command("help", { user_id: STAFF, channel_id: "C0SPISTAFF" })).json();
    expect(blocksText(body)).toContain("digest");
    expect(blocksText(body)).toContain("(staff)");
  });

  it("next: the caller's team's next session and milestone", async () => {
    const body = (await h.command("next", { user_id: MEMBER })).json();
    expect(blocksText(body)).toContain("Next coaching session");
    expect(blocksText(body)).toContain("Coming up for Tower Hamlets");
  });

  it("ask: a programme question is answered from the FAQ", async () => {
    const body = (await h.command("ask how much is the grant?", { user_id: MEMBER })).json();
    expect(JSON.stringify(body)).toMatch(/10,000/);
  });

  it("a plain question without `ask` goes to the FAQ too", async () => {
    const body = (await h.command("how much is the grant?", { user_id: MEMBER })).json();
    expect(JSON.stringify(body)).toMatch(/10,000/);
  });

  it("status: whether the team's update is in this cycle", async () => {
    const body = (await h.command("status", { user_id: MEMBER })).json();
    expect(body.response_type).toBe("ephemeral");
    expect(blocksText(body)).toContain("November 2022");
    expect(blocksText(body)).toContain("update.open");
  });

  it("update: acks empty and opens the modal with the trigger id", async () => {
    const res = await h.command("update", { user_id: MEMBER, trigger_id: "trig-update-1" });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const [call] = await h.fake.waitFor("views.open");
    expect(call?.params.trigger_id).toBe("trig-update-1");
    expect(call?.authorization).toBe("Bearer xoxb-test-token");
    const view = call?.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    expect(view.callback_id).toBe("progress-update");
    expect(JSON.parse(view.private_metadata).channel).toBe(TEAM_CHANNEL);
    expect(view.blocks.map((b) => b.block_id)).toContain("progress");
  });

  it("digest: refused for a member, with a reason, on every request", async () => {
    const body = (await h.command("digest 2022-11", { user_id: MEMBER })).json();
    expect(body.response_type).toBe("ephemeral");
    expect(JSON.stringify(body)).toContain("Only programme staff");
  });

  it("digest: staff get it", async () => {
    const res = await h.command("digest 2022-10", { user_id: STAFF, channel_id: "C0SPISTAFF" });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json())).toMatch(/October 2022/);
  });

  it("an unknown subcommand gets a helpful ephemeral reply", async () => {
    const body = (await h.command("frobnicate", { user_id: MEMBER })).json();
    expect(body.response_type).toBe("ephemeral");
    expect(JSON.stringify(body)).toContain("frobnicate");
    expect(JSON.stringify(body)).toContain("help");
  });

  it("a user in no team, outside any team channel, learns what the bot does and how to be added", async () => {
    const body = (await h.command("status", { user_id: "UNOBODY1", channel_id: "C0RANDOM" })).json();
    expect(body.response_type).toBe("ephemeral");
    expect(JSON.stringify(body)).toContain("which team you're in");
    expect(await h.db.prisma.member.count({ where: { key: "slack-unobody1" } })).toBe(0);
  });

  it("an outsider's `status` in a team's channel reveals nothing about the team and links nobody", async () => {
    const res = await h.command("status", { user_id: "UNEWCOMER", user_name: "new.person", channel_id: TEAM_CHANNEL });
    const body = JSON.stringify(res.json());
    expect(body).not.toMatch(/tower hamlets|November 2022|update\.open/i);
    expect(body).toContain("I don't know which team you're in");
    expect(body).toContain("join");
    expect(await h.db.prisma.member.count({ where: { key: { contains: "unewcomer" } } })).toBe(0);
    expect(await h.db.prisma.platformIdentity.count({ where: { externalId: "UNEWCOMER" } })).toBe(0);
    // And nothing was learnt for later: the same person in their DM is still an outsider.
    const again = JSON.stringify(
      (await h.command("status", { user_id: "UNEWCOMER", channel_id: "D0NEWCOMER" })).json(),
    );
    expect(again).not.toMatch(/tower hamlets/i);
  });

  it("is never linked through the staff channel, and a known member is not moved to another team", async () => {
    await h.command("status", { user_id: "USTAFFCHAN", channel_id: "C0SPISTAFF" });
    expect(await h.db.prisma.member.count({ where: { key: "slack-ustaffchan" } })).toBe(0);
    const body = (await h.command("status", { user_id: MEMBER, channel_id: "C0SPILAM" })).json();
    expect(blocksText(body)).toContain("Tower Hamlets");
    expect(await h.db.prisma.member.count({ where: { key: `slack-${MEMBER.toLowerCase()}` } })).toBe(0);
  });

  it("a Slack retry (x-slack-retry-num) of the same command has a single effect", async () => {
    const fields = { user_id: MEMBER, trigger_id: "trig-retry-1" };
    const first = await h.command("update", fields);
    const retry = await h.command("update", fields, "good", {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await h.fake.waitFor("views.open");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo("views.open")).toHaveLength(1);
  });
});
