import type { FormView } from "../../../core/forms/form.js";
import { FORM_IN_CARD_VERB, TASK_FETCH } from "./card-data.js";
import { escapeMarkdown, escapePlain } from "./escape.js";
import { card, textBlock } from "./render-message.js";

export const FORM_IN_CARD_LABEL = "Fill in here";

/**
 * A bot cannot open a dialog from a typed message: Teams only opens one from a button. So a form reply to
 * a typed command becomes this small card. Its first button asks for the dialog (task/fetch); the second
 * (Action.Execute) swaps this card for the same form inline, for clients without dialogs (Microsoft 365
 * Agents Playground, some Microsoft 365 hosts) and for anyone who prefers it. Both carry what is needed
 * to rebuild the form through the core — the command text or the action id and value.
 */
export function renderFormLauncher(view: FormView, request: Record<string, string>): Record<string, unknown> {
  const body = [textBlock(escapeMarkdown(view.form.title), { weight: "Bolder" })];
  if (view.intro) body.push(textBlock(escapeMarkdown(view.intro), { isSubtle: true }));
  const open = {
    type: "Action.Submit",
    title: escapePlain(view.form.title),
    style: "positive",
    data: { ...TASK_FETCH, ...request },
  };
  const inCard = { type: "Action.Execute", title: FORM_IN_CARD_LABEL, verb: FORM_IN_CARD_VERB, data: request };
  return card(body, [open, inCard], view.form.title);
}
