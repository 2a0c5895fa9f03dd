import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Message, textMessage } from "../../../src/core/messages/message.js";
import { escapeMrkdwn } from "../../../src/platforms/slack/render/escape.js";
import { coreActionId, renderSlackMessage } from "../../../src/platforms/slack/render/render-message.js";

const fromEntities = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("renderSlackMessage escaping", () => {
  it("turns mention and link syntax typed by a user into inert text", () => {
    const evil = "<!channel> <!here> <@U123> <#C123> <https://evil.example|Click> & co";
    const out = renderSlackMessage(textMessage(evil));
    expect(out.text).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C123&gt; &lt;https://evil.example|Click&gt; &amp; co",
    );
    expect(JSON.stringify(out.blocks)).not.toMatch(/<[!@#h]/);
  });

  it("property: any plain string renders with no raw < or > and round-trips through Slack's entities", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = renderSlackMessage(textMessage(s));
        const section = (out.blocks[0] as { text: { text: string } }).text.text;
        expect(section).not.toMatch(/[<>]/);
        if (s.trim()) expect(fromEntities(section)).toBe(s);
      }),
    );
  });

  it("escapes inside bold, italic, code, fields, lists, context and link labels; markers cannot break out", () => {
    const message: Message = {
      summary: "s",
      blocks: [
        { type: "text", text: [{ bold: "a*b<!here>" }, " ", { italic: "_x_" }, " ", { code: "`rm`" }] },
        { type: "fields", fields: [{ label: "Who*", value: "<@U1>" }] },
        { type: "list", items: ["<!channel>"] },
        { type: "context", text: [{ link: "https://ok.example/a|b>c", label: "go|<@U2>" }] },
        { type: "text", text: [{ link: "javascript:alert(1)", label: "bad" }] },
      ],
    };
    const json = JSON.stringify(renderSlackMessage(message).blocks);
    expect(json).toContain("*a∗b&lt;!here&gt;*");
    expect(json).toContain("_＿x＿_");
    expect(json).toContain("`ˋrmˋ`");
    expect(json).toContain("*Who∗*\\n&lt;@U1&gt;");
    expect(json).toContain("• &lt;!channel&gt;");
    expect(json).toContain("<https://ok.example/a%7Cb&gt;c|go¦&lt;@U2&gt;>");
    expect(json).toContain("bad (javascript:alert(1))");
    expect(json).not.toContain("<javascript");
  });
});

describe("renderSlackMessage blocks", () => {
  it("maps every neutral block to Block Kit", () => {
    const out = renderSlackMessage({
      summary: "Coming up",
      blocks: [
        { type: "header", text: "Coming up for <Team>" },
        { type: "fields", fields: [{ label: "Next", value: "Tue" }] },
        { type: "divider" },
        {
          type: "actions",
          buttons: [
            { action: "update.open", label: "Update", value: "2022-11", style: "primary" },
            { action: "update.open", label: "October", value: "2022-10" },
            { action: "link", label: "Docs", url: "https://example.org" },
          ],
        },
      ],
    });
    expect(out.blocks.map((b) => b.type)).toEqual(["header", "section", "divider", "actions"]);
    // Header is plain_text: Slack never parses mentions there, so it is not entity-escaped.
    expect(out.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Coming up for <Team>", emoji: true },
    });
    const buttons = (out.blocks[3] as { elements: Record<string, unknown>[] }).elements;
    expect(buttons.map((b) => b.action_id)).toEqual(["update.open", "update.open#2", "link"]);
    expect(buttons[0]).toMatchObject({ value: "2022-11", style: "primary" });
    expect(buttons[2]).toMatchObject({ url: "https://example.org" });
    expect(coreActionId("update.open#2")).toBe("update.open");
    expect(coreActionId("update.open")).toBe("update.open");
  });

  it("keeps within Slack's limits (10 fields a section, 3000 chars a section, 50 blocks)", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: "v" }));
    const many = Array.from({ length: 80 }, () => ({ type: "divider" as const }));
    const out = renderSlackMessage({
      summary: "x",
      blocks: [{ type: "fields", fields }, { type: "text", text: "y".repeat(5000) }, ...many],
    });
    expect((out.blocks[0] as { fields: unknown[] }).fields).toHaveLength(10);
    expect(out.blocks.slice(0, 3).map((b) => (b as { fields: unknown[] }).fields.length)).toEqual([10, 10, 3]);
    expect((out.blocks[3] as { text: { text: string } }).text.text.length).toBe(3000);
    expect(out.blocks).toHaveLength(50);
  });

  it("escapeMrkdwn escapes & first so entities are not double-decoded", () => {
    expect(escapeMrkdwn("&lt;")).toBe("&amp;lt;");
  });
});
