import type { Block, Button, Inline, Message, RichText } from "../../../core/messages/message.js";
import { escapeHtml, safeUrl } from "./escape-html.js";

/**
 * Renders a neutral message as an HTML fragment for the playground. Everything is escaped; the only
 * markup is ours. Buttons carry their action id and value in data attributes for the page script.
 */
export function renderHtmlMessage(message: Message): string {
  const body = message.blocks.map(renderBlock).join("");
  return body || `<p>${inlineText(message.summary)}</p>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case "header":
      return `<h3 class="msg-header">${escapeHtml(block.text)}</h3>`;
    case "text":
      return `<p>${richText(block.text)}</p>`;
    case "context":
      return `<p class="msg-context">${richText(block.text)}</p>`;
    case "fields":
      return `<dl class="msg-fields">${block.fields
        .map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${richText(f.value)}</dd></div>`)
        .join("")}</dl>`;
    case "list":
      return `<ul class="msg-list">${block.items.map((item) => `<li>${richText(item)}</li>`).join("")}</ul>`;
    case "actions":
      return `<div class="msg-actions">${block.buttons.map(renderButton).join("")}</div>`;
    case "divider":
      return "<hr>";
    case "image": {
      const url = safeUrl(block.url);
      if (!url) return `<p>${escapeHtml(block.alt)}</p>`;
      return `<figure class="msg-image"><img src="${escapeHtml(url)}" alt="${escapeHtml(block.alt)}">${block.title ? `<figcaption>${escapeHtml(block.title)}</figcaption>` : ""}</figure>`;
    }
  }
}

function renderButton(button: Button): string {
  const style = button.style ? ` btn-${button.style}` : "";
  const url = button.url ? safeUrl(button.url) : null;
  if (url) {
    return `<a class="btn${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(button.label)}</a>`;
  }
  return `<button type="button" class="btn${style}" data-action="${escapeHtml(button.action)}" data-value="${escapeHtml(
    button.value ?? "",
  )}">${escapeHtml(button.label)}</button>`;
}

function richText(text: RichText): string {
  return typeof text === "string" ? inlineText(text) : text.map(renderInline).join("");
}

function renderInline(part: Inline): string {
  if (typeof part === "string") return inlineText(part);
  if ("bold" in part) return `<strong>${escapeHtml(part.bold)}</strong>`;
  if ("italic" in part) return `<em>${escapeHtml(part.italic)}</em>`;
  if ("code" in part) return `<code>${escapeHtml(part.code)}</code>`;
  const url = safeUrl(part.link);
  if (!url) return escapeHtml(`${part.label} (${part.link})`);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part.label)}</a>`;
}

/**
 * Plain core strings sometimes quote a command in backticks ("try `help`"), as Slack shows it; show
 * those as code too. Escaping happens first, so a backtick can never open a tag. Newlines become breaks.
 */
function inlineText(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/\n/g, "<br>");
}
