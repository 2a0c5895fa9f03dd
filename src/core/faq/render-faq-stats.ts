import type { Message, RichText } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import type { FaqStats } from "./faq-stats.js";

const MAX_ENTRIES = 25;
const MAX_UNKNOWN = 15;

/** `faq stats` in chat: totals, entries by use, and the latest questions that ended in "I don't know". */
export function renderFaqStats(stats: FaqStats, timeZone: string): Message {
  const t = stats.totals;
  const headline = `${t.asked} question(s) asked in chat: ${t.answered} answered from the FAQ, ${t.live} from your teams' data, ${t.suggested} got "Did you mean…?" (${t.picked} picked), ${t.declined} ended in "I don't know" (${t.passedToStaff} passed to staff), ${t.offTopic} off-topic.`;
  const entries: RichText[] = stats.entries
    .slice(0, MAX_ENTRIES)
    .map((e) => [
      { code: e.key },
      ` used ${e.used} (answered ${e.answered}, picked from suggestions ${e.picked} of ${e.offered} offered)${e.active ? "" : " — retired"}`,
    ]);
  const unknown: RichText[] = stats.unknown
    .slice(0, MAX_UNKNOWN)
    .map((q) => [
      { italic: q.question },
      ` — ${formatLocal(q.askedAt, timeZone, false)}${q.passedToStaff ? ", passed to staff" : ""}`,
    ]);
  return {
    summary: headline,
    blocks: [
      { type: "header", text: "FAQ use" },
      { type: "text", text: headline },
      { type: "text", text: [{ bold: "Entries, most used first" }] },
      { type: "list", items: entries.length ? entries : ["No entries yet."] },
      { type: "text", text: [{ bold: `Ended in “I don't know” (${stats.unknown.length})` }] },
      { type: "list", items: unknown.length ? unknown : ["None so far."] },
      {
        type: "context",
        text: "Add an entry for a question people keep asking; reword an entry that is often picked from suggestions. The full list: `npm run --silent cohort -- faq stats`.",
      },
    ],
  };
}
