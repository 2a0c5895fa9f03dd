import { describe, expect, it } from "vitest";
import { digestMessage } from "../../../src/core/digests/build-digest.js";
import { messageToPlainText } from "../../../src/core/digests/render-plain-text.js";
import type { Message } from "../../../src/core/messages/message.js";
import { renderHtmlMessage } from "../../../src/platforms/local/render/render-message.js";
import { renderSlackMessage } from "../../../src/platforms/slack/render/render-message.js";
import { renderAdaptiveCard } from "../../../src/platforms/teams/cards/render-message.js";
import { cardProblems } from "../teams/adaptive-card-validator.js";

const picture: Message = {
  summary: "Digest",
  blocks: [
    { type: "text", text: "Before" },
    {
      type: "image",
      url: "https://bot.example.org/charts/digest/p/2022-11.png?exp=1&sig=a",
      alt: 'RAG grid "<b>"',
      title: "RAG <at>x</at>",
    },
  ],
};

describe("the image block", () => {
  it("is a Block Kit image with alt text and a title", () => {
    const { blocks } = renderSlackMessage(picture);
    expect(blocks[1]).toEqual({
      type: "image",
      image_url: "https://bot.example.org/charts/digest/p/2022-11.png?exp=1&sig=a",
      alt_text: 'RAG grid "<b>"',
      title: { type: "plain_text", text: "RAG <at>x</at>", emoji: true },
    });
  });

  it("is an Adaptive Card Image with altText, and the card validates", () => {
    const card = renderAdaptiveCard(picture) as { body: Record<string, unknown>[] };
    expect(card.body[1]).toMatchObject({
      type: "Image",
      url: expect.stringContaining("/charts/digest/"),
      altText: 'RAG grid "‹b›"',
    });
    expect(cardProblems(card)).toEqual([]);
  });

  it("is an escaped <img> in the playground, and text in the CLI", () => {
    const html = renderHtmlMessage(picture);
    expect(html).toContain('alt="RAG grid &quot;&lt;b&gt;&quot;"');
    expect(html).toContain('src="https://bot.example.org/charts/digest/p/2022-11.png?exp=1&amp;sig=a"');
    expect(messageToPlainText(picture)).toContain('[Picture: RAG grid "<b>"]');
  });

  it("never turns a javascript: URL into a picture", () => {
    const evil: Message = { summary: "x", blocks: [{ type: "image", url: "javascript:alert(1)", alt: "alt" }] };
    expect(renderSlackMessage(evil).blocks).toEqual([]);
    expect(JSON.stringify(renderAdaptiveCard(evil))).not.toContain("javascript");
    expect(renderHtmlMessage(evil)).toBe("<p>alt</p>");
  });

  it("appears in the digest only when a picture link is given", () => {
    const data = {
      programme: { id: "p", name: "P", timeZone: "Europe/London", totalFunding: 0 },
      cycle: { id: "c", month: "2022-11", dueAt: new Date("2022-11-30T17:00:00Z") },
      previous: null,
      rows: [],
    } as never;
    expect(digestMessage(data).blocks.some((b) => b.type === "image")).toBe(false);
    const withPicture = digestMessage(data, "https://bot.example.org/charts/digest/p/2022-11.png?exp=1&sig=a");
    expect(withPicture.blocks.find((b) => b.type === "image")).toMatchObject({
      alt: expect.stringContaining("November 2022"),
    });
  });
});
