import { describe, expect, it } from "vitest";
import type { Message } from "../../../src/core/messages/message.js";
import { renderHtmlMessage } from "../../../src/platforms/local/render/render-message.js";

const evil = `<script>alert("x")</script> & 'quotes'`;

describe("renderHtmlMessage", () => {
  it("renders every block kind with the text escaped", () => {
    const message: Message = {
      summary: evil,
      blocks: [
        { type: "header", text: evil },
        { type: "text", text: [evil, { bold: evil }, { italic: "<i>" }, { code: "<b>" }] },
        { type: "fields", fields: [{ label: "<dt>", value: evil }] },
        { type: "list", items: ["<li>", [{ bold: "</ul>" }]] },
        { type: "context", text: "<small>" },
        { type: "actions", buttons: [{ action: 'a" onclick="x', label: "<b>Go</b>", value: '2022-11"><x' }] },
        { type: "divider" },
      ],
    };
    const html = renderHtmlMessage(message);
    expect(html).not.toMatch(/<script|<i>|<b>|<dt><dt>|<small>|<li><li>|onclick="x"/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(html).toContain('<h3 class="msg-header">&lt;script&gt;');
    expect(html).toContain("<strong>&lt;script&gt;");
    expect(html).toContain("<code>&lt;b&gt;</code>");
    expect(html).toContain('data-action="a&quot; onclick=&quot;x"');
    expect(html).toContain('data-value="2022-11&quot;&gt;&lt;x"');
    expect(html).toContain(">&lt;b&gt;Go&lt;/b&gt;</button>");
    expect(html).toContain("<hr>");
  });

  it("makes only web and mail links clickable", () => {
    const html = renderHtmlMessage({
      summary: "links",
      blocks: [
        {
          type: "text",
          text: [
            { link: "https://meet.example.org/a?b=1&c=2", label: "Join" },
            { link: "javascript:alert(1)", label: "Bad" },
          ],
        },
        {
          type: "actions",
          buttons: [
            { action: "open", label: "Calendar", url: "https://example.org/cal.ics" },
            { action: "x", label: "Sneaky", url: "data:text/html,<script>" },
          ],
        },
      ],
    });
    expect(html).toContain(
      '<a href="https://meet.example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Join</a>',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("Bad (javascript:alert(1))");
    expect(html).toContain('<a class="btn" href="https://example.org/cal.ics"');
    expect(html).not.toContain("data:text/html");
    expect(html).toContain('data-action="x"');
  });

  it("shows backtick-quoted commands as code without letting them open tags", () => {
    const html = renderHtmlMessage({ summary: "", blocks: [{ type: "text", text: "Try `help` or `<b>`\nnext line" }] });
    expect(html).toBe("<p>Try <code>help</code> or <code>&lt;b&gt;</code><br>next line</p>");
  });

  it("falls back to the summary when there are no blocks", () => {
    expect(renderHtmlMessage({ summary: "Hi <there>", blocks: [] })).toBe("<p>Hi &lt;there&gt;</p>");
  });
});
