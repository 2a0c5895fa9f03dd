import { findAction } from "../../../core/commands/registry.js";
import type { Block, Button, Inline, Message, RichText } from "../../../core/messages/message.js";
import { ACTION_KEY, TASK_FETCH, VALUE_KEY } from "./card-data.js";
import { escapeMarkdown, escapePlain, safeUrl } from "./escape.js";

/** Teams renders Adaptive Cards up to 1.5 in every client (desktop, web, mobile). */
export const CARD_VERSION = "1.5";
const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

type Element = Record<string, unknown>;

/** The neutral message as an Adaptive Card. Pure: every string from the core is escaped on the way in. */
export function renderAdaptiveCard(message: Message): Record<string, unknown> {
  const body: Element[] = [];
  const actions: Element[] = [];
  let separateNext = false;
  for (const block of message.blocks) {
    if (block.type === "divider") {
      separateNext = true;
      continue;
    }
    if (block.type === "actions") {
      actions.push(...block.buttons.map(renderButton));
      continue;
    }
    const element = renderBlock(block);
    if (separateNext) Object.assign(element, { separator: true, spacing: "Medium" });
    separateNext = false;
    body.push(element);
  }
  if (body.length === 0) body.push(textBlock(escapeMarkdown(message.summary)));
  return card(body, actions, message.summary);
}

/** The activity to post: the card as its only attachment; the summary is the card's fallback text. */
export function renderTeamsActivity(message: Message): { type: "message"; text: string; attachments: unknown[] } {
  return {
    type: "message",
    // Teams shows `text` above the card as well; the card carries the summary as fallbackText instead.
    text: "",
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: renderAdaptiveCard(message) }],
  };
}

export function card(body: Element[], actions: Element[], fallback: string): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: escapePlain(fallback),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function textBlock(text: string, extra: Element = {}): Element {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

function renderBlock(block: Exclude<Block, { type: "divider" } | { type: "actions" }>): Element {
  switch (block.type) {
    case "image": {
      const url = safeUrl(block.url);
      if (!url) return textBlock(escapeMarkdown(block.alt));
      return { type: "Image", url, altText: escapePlain(block.alt), size: "Stretch" };
    }
    case "header":
      return textBlock(escapeMarkdown(block.text), { size: "Large", weight: "Bolder" });
    case "text":
      return textBlock(renderRich(block.text));
    case "context":
      return textBlock(renderRich(block.text), { size: "Small", isSubtle: true });
    case "list":
      // Teams' markdown list syntax: one "- item" per line, separated by \r.
      return textBlock(block.items.map((item) => `- ${renderRich(item).replace(/\n/g, " ")}`).join("\r"));
    case "fields":
      return {
        type: "FactSet",
        facts: block.fields.map((f) => ({ title: escapeMarkdown(f.label), value: renderRich(f.value) })),
      };
  }
}

/** Inline parts to Teams markdown. Code has no inline style in a TextBlock, so it shows in bold. */
export function renderRich(text: RichText): string {
  if (typeof text === "string") return escapeMarkdown(text);
  return text.map(renderInline).join("");
}

function renderInline(part: Inline): string {
  if (typeof part === "string") return escapeMarkdown(part);
  if ("bold" in part) return `**${escapeMarkdown(part.bold)}**`;
  if ("italic" in part) return `_${escapeMarkdown(part.italic)}_`;
  if ("code" in part) return `**${escapeMarkdown(part.code)}**`;
  const url = safeUrl(part.link);
  return url
    ? `[${escapeMarkdown(part.label)}](${url})`
    : `${escapeMarkdown(part.label)} (${escapeMarkdown(part.link)})`;
}

/**
 * Link buttons open the URL. A button whose action opens a form asks for a dialog (task/fetch) carrying
 * the core's action id and value, so the form opens straight away. Every other button (a suggestion, an
 * approval, a post) is a plain Action.Submit: its message goes to the bot as a message, which works in
 * every client, including those without dialogs (Microsoft 365 Agents Playground).
 */
function renderButton(button: Button): Element {
  const title = escapePlain(button.label);
  const style = button.style === "primary" ? "positive" : button.style === "danger" ? "destructive" : undefined;
  const url = button.url ? safeUrl(button.url) : null;
  if (url) return { type: "Action.OpenUrl", title, url, ...(style ? { style } : {}) };
  return {
    type: "Action.Submit",
    title,
    data: {
      ...(findAction(button.action)?.opensForm ? TASK_FETCH : {}),
      [ACTION_KEY]: button.action,
      [VALUE_KEY]: button.value ?? "",
    },
    ...(style ? { style } : {}),
  };
}
