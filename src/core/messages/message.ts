/**
 * The neutral message model. The core builds messages from these parts only; every platform renders
 * them (Block Kit, Adaptive Cards, HTML) and escapes every string on the way out. Strings here are
 * plain text, never markup: "<!channel>" typed by a user must reach Slack as text, not a ping.
 */
export type Inline =
  | string
  | { bold: string }
  | { italic: string }
  | { code: string }
  | { link: string; label: string };

/** A run of inline parts, or a plain string. */
export type RichText = string | Inline[];

export type Button = {
  /** Stable action id the core understands, e.g. "update.open". */
  action: string;
  label: string;
  /** Opaque value handed back with the action (e.g. a cycle month or an update id). */
  value?: string;
  style?: "primary" | "danger";
  /** A link button: opens the URL instead of calling back. */
  url?: string;
};

export type Block =
  | { type: "header"; text: string }
  | { type: "text"; text: RichText }
  | { type: "fields"; fields: { label: string; value: RichText }[] }
  | { type: "list"; items: RichText[] }
  | { type: "context"; text: RichText }
  | { type: "actions"; buttons: Button[] }
  | { type: "divider" }
  /**
   * A picture (a chart) at a public https URL the chat platform fetches. `alt` says what it shows in
   * words (screen readers, and everyone when the picture does not load); the message must still make
   * sense without it.
   */
  | { type: "image"; url: string; alt: string; title?: string };

export type Message = {
  /** Plain-text summary: notifications, screen readers, and platforms that cannot render blocks. */
  summary: string;
  blocks: Block[];
};

/** Build a message from a summary and blocks. */
export function message(summary: string, ...blocks: Block[]): Message {
  return { summary, blocks };
}

/** A one-paragraph message. */
export function textMessage(text: string): Message {
  return { summary: text, blocks: [{ type: "text", text }] };
}

/** Plain-text rendering of inline parts (for summaries, logs, the CLI). */
export function plainText(text: RichText): string {
  if (typeof text === "string") return text;
  return text
    .map((part) => {
      if (typeof part === "string") return part;
      if ("bold" in part) return part.bold;
      if ("italic" in part) return part.italic;
      if ("code" in part) return part.code;
      return `${part.label} (${part.link})`;
    })
    .join("");
}
