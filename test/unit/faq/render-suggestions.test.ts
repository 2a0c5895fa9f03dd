import { describe, expect, it } from "vitest";
import { usageParts } from "../../../src/core/commands/help.js";
import { commands } from "../../../src/core/commands/registry.js";
import type { FaqReply } from "../../../src/core/faq/answer-question.js";
import { readPickValue, renderAnswer } from "../../../src/core/faq/render-answer.js";
import { renderHtmlMessage } from "../../../src/platforms/local/render/render-message.js";
import { renderSlackMessage } from "../../../src/platforms/slack/render/render-message.js";
import { renderAdaptiveCard } from "../../../src/platforms/teams/cards/render-message.js";
import { cardProblems } from "../teams/adaptive-card-validator.js";

const suggest: FaqReply = {
  answered: false,
  outcome: "suggest",
  answer: "",
  sources: [],
  suggestions: [
    { key: "programme-start", question: "When does the programme start?" },
    { key: "programme-end", question: "When does the programme finish? <!channel>" },
    { key: "key-dates", question: "What are the key dates?" },
  ],
  offTopic: false,
};

describe("“Did you mean…?” as buttons on every platform", () => {
  const message = renderAnswer(suggest, "ask123");

  it("offers each suggestion as a button carrying the asked question and the entry key, plus “None of these”", () => {
    const actions = message.blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" && actions.buttons.map((b) => [b.action, b.value])).toEqual([
      ["faq.pick", "ask123|programme-start"],
      ["faq.pick", "ask123|programme-end"],
      ["faq.pick", "ask123|key-dates"],
      ["faq.none", "ask123"],
    ]);
    expect(readPickValue("ask123|programme-end")).toEqual({ askedId: "ask123", key: "programme-end" });
    expect(readPickValue("|programme-end")).toEqual({ askedId: null, key: "programme-end" });
  });

  it("Slack: Block Kit buttons with unique action ids, user text escaped where Slack parses it", () => {
    const { text, blocks } = renderSlackMessage(message);
    const elements = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements as Record<string, unknown>[]);
    expect(elements.map((e) => e.action_id)).toEqual(["faq.pick", "faq.pick#2", "faq.pick#3", "faq.none"]);
    expect(elements.map((e) => e.type)).toEqual(["button", "button", "button", "button"]);
    // Button captions are plain_text (never parsed); the mrkdwn fallback text is escaped.
    expect(text).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(blocks.filter((b) => b.type !== "actions"))).not.toContain("<!channel>");
  });

  it("Teams: Adaptive Card actions that pass the action id and value back, and a valid card", () => {
    const card = renderAdaptiveCard(message) as { actions: { type: string; data: Record<string, string> }[] };
    expect(card.actions.map((a) => [a.type, a.data.cohortAction, a.data.cohortValue])).toEqual([
      ["Action.Submit", "faq.pick", "ask123|programme-start"],
      ["Action.Submit", "faq.pick", "ask123|programme-end"],
      ["Action.Submit", "faq.pick", "ask123|key-dates"],
      ["Action.Submit", "faq.none", "ask123"],
    ]);
    expect(cardProblems(card)).toEqual([]);
  });

  it("playground: buttons with data attributes, escaped", () => {
    const html = renderHtmlMessage(message);
    expect(html.match(/data-action="faq.pick"/g)).toHaveLength(3);
    expect(html).toContain('data-value="ask123|programme-start"');
    expect(html).not.toContain("<!channel>");
  });
});

describe("help usage without angle brackets (Teams' web font has no glyph for their look-alikes)", () => {
  it("shows placeholders in italics, literal words as code", () => {
    expect(usageParts("ask <question>")).toEqual([{ code: "ask" }, " ", { italic: "question" }]);
    expect(usageParts("unlock <team-key> [YYYY-MM]")).toEqual([
      { code: "unlock" },
      " ",
      { italic: "team-key" },
      " ",
      { code: "[YYYY-MM]" },
    ]);
  });

  it("no command's usage puts an angle bracket, or a full-width look-alike, in any Teams card", () => {
    for (const c of commands) {
      const card = JSON.stringify(
        renderAdaptiveCard({ summary: c.name, blocks: [{ type: "list", items: [usageParts(c.usage)] }] }),
      );
      expect(card).not.toMatch(/[<>\uFF1C\uFF1E]/);
    }
  });
});
