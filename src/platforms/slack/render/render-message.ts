import type { Block, Button, Message } from "../../../core/messages/message.js";
import { escapeMrkdwn, truncate } from "./escape.js";
import { renderRichText } from "./render-rich-text.js";

export type SlackBlock = Record<string, unknown>;

// Block Kit limits (https://api.slack.com/reference/block-kit/blocks): exceeding one makes Slack
// reject the whole message, so every builder cuts to them.
const SECTION_TEXT_MAX = 3000;
const FIELD_TEXT_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const HEADER_MAX = 150;
const BUTTONS_PER_BLOCK = 25;
const MESSAGE_BLOCKS_MAX = 50;

/** A neutral message → `chat.postMessage` / `respond()` arguments. `text` is the escaped notification fallback. */
export function renderSlackMessage(message: Message): { text: string; blocks: SlackBlock[] } {
  return {
    text: truncate(escapeMrkdwn(message.summary), 3000),
    blocks: renderBlocks(message.blocks).slice(0, MESSAGE_BLOCKS_MAX),
  };
}

/** Blocks only (App Home and modals reuse them; they allow 100 blocks). */
export function renderBlocks(blocks: Block[]): SlackBlock[] {
  const used = new Map<string, number>();
  return blocks.flatMap((block) => renderBlock(block, used));
}

function renderBlock(block: Block, usedActionIds: Map<string, number>): SlackBlock[] {
  switch (block.type) {
    case "header":
      return [{ type: "header", text: plain(truncate(block.text, HEADER_MAX)) }];
    case "text":
      return [section(renderRichText(block.text))];
    case "list":
      return [section(block.items.map((item) => `• ${renderRichText(item)}`).join("\n"))];
    case "context":
      return [{ type: "context", elements: [mrkdwn(truncate(renderRichText(block.text), SECTION_TEXT_MAX))] }];
    case "divider":
      return [{ type: "divider" }];
    case "image":
      if (!/^https?:\/\//i.test(block.url)) return [];
      return [
        {
          type: "image",
          image_url: block.url,
          alt_text: truncate(block.alt, 2000),
          ...(block.title ? { title: plain(truncate(block.title, 2000)) } : {}),
        },
      ];
    case "fields": {
      const fields = block.fields.map((f) =>
        mrkdwn(truncate(`*${escapeMrkdwn(f.label).replace(/\*/g, "∗")}*\n${renderRichText(f.value)}`, FIELD_TEXT_MAX)),
      );
      return chunk(fields, FIELDS_PER_SECTION).map((group) => ({ type: "section", fields: group }));
    }
    case "actions":
      return chunk(block.buttons, BUTTONS_PER_BLOCK).map((buttons) => ({
        type: "actions",
        elements: buttons.map((b) => renderButton(b, usedActionIds)),
      }));
  }
}

/**
 * Slack wants action ids unique within a message, but the core may show the same action twice
 * (an "Update" button per cycle). Repeats get a `#n` suffix that the action listener strips.
 */
function renderButton(button: Button, used: Map<string, number>): SlackBlock {
  const seen = used.get(button.action) ?? 0;
  used.set(button.action, seen + 1);
  return {
    type: "button",
    text: plain(truncate(button.label, 75)),
    action_id: seen === 0 ? button.action : `${button.action}#${seen + 1}`,
    ...(button.value !== undefined ? { value: truncate(button.value, 2000) } : {}),
    ...(button.style ? { style: button.style } : {}),
    ...(button.url && /^https?:\/\//i.test(button.url) ? { url: button.url } : {}),
  };
}

/** Strips the `#n` suffix added for repeated buttons: the core only knows its own action ids. */
export function coreActionId(actionId: string): string {
  return actionId.replace(/#\d+$/, "");
}

export const plain = (text: string) => ({ type: "plain_text", text: text || " ", emoji: true });
export const mrkdwn = (text: string) => ({ type: "mrkdwn", text: text || " " });

function section(text: string): SlackBlock {
  return { type: "section", text: mrkdwn(truncate(text, SECTION_TEXT_MAX)) };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
