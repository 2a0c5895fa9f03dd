import type { TaskModuleResponse } from "@microsoft/teams.api";
import { escapePlain } from "../cards/escape.js";

/** Bodies Teams expects from task/fetch and task/submit invokes (Bot Framework task module protocol). */
export type { TaskModuleResponse as TaskResponse };

export function cardAttachment(content: Record<string, unknown>) {
  return { contentType: "application/vnd.microsoft.card.adaptive", content };
}

export function taskContinue(title: string, card: ReturnType<typeof cardAttachment>): TaskModuleResponse {
  return { task: { type: "continue", value: { title, width: "large", height: "large", card } } };
}

/** A short popup text; the dialog closes when the user dismisses it. */
export function taskMessage(text: string): TaskModuleResponse {
  const short = text.length > 400 ? `${text.slice(0, 399)}…` : text;
  return { task: { type: "message", value: escapePlain(short) } };
}
