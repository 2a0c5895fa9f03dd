import { formatLocal } from "../../../core/programme/local-time.js";
import type { StoredMessage } from "../message-store.js";
import { escapeHtml } from "../render/escape-html.js";
import { renderHtmlMessage } from "../render/render-message.js";

/** One message as the page shows it. `html` is already escaped and safe to insert. */
export type MessageView = {
  id: number;
  at: string;
  time: string;
  author: string;
  fromBot: boolean;
  mine: boolean;
  private: boolean;
  summary: string;
  html: string;
};

export function toMessageView(m: StoredMessage, viewer: string, timeZone: string): MessageView {
  const fromBot = m.author.kind === "bot";
  return {
    id: m.id,
    at: m.at,
    time: formatLocal(new Date(m.at), timeZone),
    author: m.author.kind === "bot" ? "Cohort Bot" : m.author.name,
    fromBot,
    mine: m.author.kind === "person" && m.author.key === viewer,
    private: m.visibleTo !== undefined,
    summary: m.message?.summary ?? m.text ?? "",
    html: m.message ? renderHtmlMessage(m.message) : `<p>${escapeHtml(m.text ?? "")}</p>`,
  };
}
