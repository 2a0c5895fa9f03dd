import type { RichText } from "../../../core/messages/message.js";
import { escapeMrkdwn, formatSpan, safeUrl } from "./escape.js";

/** Neutral inline parts → Slack mrkdwn, escaping every string that came from data or users. */
export function renderRichText(text: RichText): string {
  if (typeof text === "string") return escapeMrkdwn(text);
  return text
    .map((part) => {
      if (typeof part === "string") return escapeMrkdwn(part);
      if ("bold" in part) return formatSpan("*", part.bold);
      if ("italic" in part) return formatSpan("_", part.italic);
      if ("code" in part) return formatSpan("`", part.code);
      const url = safeUrl(part.link);
      const label = escapeMrkdwn(part.label).replace(/\|/g, "¦");
      return url ? `<${url}|${label}>` : `${label} (${escapeMrkdwn(part.link)})`;
    })
    .join("");
}
