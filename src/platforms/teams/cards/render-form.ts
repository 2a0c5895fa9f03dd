import type { FormField, FormView } from "../../../core/forms/form.js";
import { CONTEXT_KEY, FORM_KEY, SUBMIT_IN_CARD_VERB } from "./card-data.js";
import { escapeMarkdown, escapePlain } from "./escape.js";
import { card, textBlock } from "./render-message.js";

type Element = Record<string, unknown>;

/**
 * The neutral form as an Adaptive Card, pre-filled with the view's values: inside a Teams dialog (submit is
 * Action.Submit → task/submit), or `inCard` in the conversation itself (submit is Action.Execute →
 * adaptiveCard/action, answered with the next card in its place). With `errors` (from the core's zod
 * schema), each message sits under its field and `_form` at the top, so the form can be re-shown in place
 * after a failed submit. Input values are not markdown, so they are not escaped.
 */
export function renderFormCard(
  view: FormView,
  errors: Record<string, string> = {},
  /** Extra data returned with the submit (how to rebuild this form); never shown. */
  submitData: Record<string, string> = {},
  options: { inCard?: boolean } = {},
): Record<string, unknown> {
  const body: Element[] = [textBlock(escapeMarkdown(view.form.title), { size: "Large", weight: "Bolder" })];
  if (view.intro) body.push(textBlock(escapeMarkdown(view.intro), { isSubtle: true }));
  if (errors._form) body.push(errorBlock(errors._form));
  for (const field of view.form.fields) {
    body.push(renderInput(field, view.values[field.id]));
    if (field.hint)
      body.push(textBlock(escapeMarkdown(field.hint), { size: "Small", isSubtle: true, spacing: "None" }));
    const error = errors[field.id];
    if (error) body.push(errorBlock(error));
  }
  const submit = {
    ...(options.inCard ? { type: "Action.Execute", verb: SUBMIT_IN_CARD_VERB } : { type: "Action.Submit" }),
    title: escapePlain(view.form.submitLabel),
    style: "positive",
    data: { ...submitData, [FORM_KEY]: view.form.id, [CONTEXT_KEY]: view.context },
  };
  return card(body, [submit], view.form.title);
}

function errorBlock(text: string): Element {
  return textBlock(escapeMarkdown(text), { color: "Attention", size: "Small", spacing: "None" });
}

function renderInput(field: FormField, value: string | undefined): Element {
  const common = { id: field.id, label: escapePlain(field.label), isRequired: field.required };
  const required = field.required ? { errorMessage: `${escapePlain(field.label)} is required.` } : {};
  switch (field.kind) {
    case "select":
      return {
        type: "Input.ChoiceSet",
        ...common,
        ...required,
        style: "compact",
        choices: (field.options ?? []).map((o) => ({ title: escapePlain(o.label), value: o.value })),
        ...(value ? { value } : {}),
      };
    case "number": {
      const numeric = value !== undefined && value.trim() !== "" && Number.isFinite(Number(value));
      return {
        type: "Input.Number",
        ...common,
        ...required,
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.placeholder ? { placeholder: escapePlain(field.placeholder) } : {}),
        ...(numeric ? { value: Number(value) } : {}),
      };
    }
    default:
      return {
        type: "Input.Text",
        ...common,
        ...required,
        isMultiline: field.kind === "textarea",
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: escapePlain(field.placeholder) } : {}),
        ...(value ? { value } : {}),
      };
  }
}
