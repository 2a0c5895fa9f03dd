import type { Message } from "../messages/message.js";
import type { FaqAnswer } from "./answer-question.js";

/** The `ask` reply, the same on every platform. */
export function renderAnswer(result: FaqAnswer): Message {
  if (!result.answered) return { summary: result.answer, blocks: [{ type: "text", text: result.answer }] };
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
