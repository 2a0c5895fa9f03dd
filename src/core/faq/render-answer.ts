import type { Button, Message } from "../messages/message.js";
import type { FaqReply } from "./answer-question.js";

export const PICK_ACTION = "faq.pick";
export const NONE_ACTION = "faq.none";

/** A suggestion button's value: the asked question's id (may be empty) and the entry key. */
export function pickValue(askedId: string | null, key: string): string {
  return `${askedId ?? ""}|${key}`;
}

export function readPickValue(value: string): { askedId: string | null; key: string } {
  const at = value.lastIndexOf("|");
  const askedId = at > 0 ? value.slice(0, at) : "";
  return { askedId: askedId || null, key: value.slice(at + 1).trim() };
}

/**
 * The `ask` reply, the same on every platform. "Did you mean…?" offers up to three entries as buttons
 * (plus "None of these", which passes the question to staff); `askedId` ties a press to the question.
 */
export function renderAnswer(result: FaqReply, askedId: string | null = null): Message {
  if (result.outcome === "suggest" && result.suggestions.length > 0) return renderSuggestions(result, askedId);
  if (result.outcome === "decline" && result.offTopic && askedId) return renderOffTopic(result, askedId);
  if (result.outcome !== "answer") return { summary: result.answer, blocks: [{ type: "text", text: result.answer }] };
  return {
    summary: result.answer,
    blocks: [
      { type: "text", text: result.answer },
      {
        type: "context",
        text: `From the programme FAQ (${result.sources.join(", ")}). Not what you needed? Ask again in other words, or ask the programme team.`,
      },
    ],
  };
}

/**
 * Off-topic questions do not reach staff, so a programme question misread as off-topic (one made only of
 * everyday words: "what can you do?") would be lost: one button passes it on anyway.
 */
function renderOffTopic(result: FaqReply, askedId: string): Message {
  return {
    summary: result.answer,
    blocks: [
      { type: "text", text: result.answer },
      {
        type: "actions",
        buttons: [{ action: NONE_ACTION, label: "It's about the programme: ask the team", value: askedId }],
      },
    ],
  };
}

function renderSuggestions(result: FaqReply, askedId: string | null): Message {
  const suggestions = result.suggestions.slice(0, 3);
  const buttons: Button[] = suggestions.map((s) => ({
    action: PICK_ACTION,
    label: s.question,
    value: pickValue(askedId, s.key),
  }));
  if (askedId) buttons.push({ action: NONE_ACTION, label: "None of these", value: askedId });
  const lead = "I'm not sure I understood. Did you mean…?";
  return {
    summary: `${lead} ${suggestions.map((s) => s.question).join(" / ")}`,
    blocks: [
      { type: "text", text: lead },
      { type: "actions", buttons },
      {
        type: "context",
        text: askedId
          ? "Press the one you meant. If none of them fits, press “None of these” and I'll pass your question to the programme team."
          : "Ask again with one of these wordings.",
      },
    ],
  };
}
