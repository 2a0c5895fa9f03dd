import type { FormView } from "../../../core/forms/form.js";
import { TASK_FETCH } from "./card-data.js";
import { escapeMarkdown, escapePlain } from "./escape.js";
import { card, textBlock } from "./render-message.js";

/**
 * A bot cannot open a dialog from a typed message: Teams only opens one from a button. So a form reply to
 * a typed command becomes this small card whose button asks for the dialog (task/fetch), carrying what is
 * needed to rebuild the same form through the core — the command text or the action id and value.
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
  return card(body, [open], view.form.title);
}
