import type { FormField, FormView } from "../../../core/forms/form.js";
import { escapeHtml } from "./escape-html.js";

/**
 * Renders a core FormView as the inside of the playground's <dialog>: labelled fields, hints and inline
 * errors wired with aria-describedby / aria-invalid. `errors._form` is a whole-form problem shown on top.
 * The page script posts the values back by field id; nothing here trusts or echoes unescaped input.
 */
export function renderHtmlForm(view: FormView, errors: Record<string, string> = {}): string {
  const { form } = view;
  const formError = errors._form ? `<p class="form-error" role="alert">${escapeHtml(errors._form)}</p>` : "";
  const intro = view.intro ? `<p class="form-intro">${escapeHtml(view.intro)}</p>` : "";
  const fields = form.fields.map((f) => renderField(f, view.values[f.id] ?? "", errors[f.id])).join("");
  return [
    `<form class="cohort-form" data-form-id="${escapeHtml(form.id)}" novalidate>`,
    `<h2 id="dialog-title">${escapeHtml(form.title)}</h2>`,
    intro,
    formError,
    fields,
    `<div class="form-buttons">`,
    `<button type="button" class="btn" data-dialog-cancel>Cancel</button>`,
    `<button type="submit" class="btn btn-primary">${escapeHtml(form.submitLabel)}</button>`,
    `</div></form>`,
  ].join("");
}

function renderField(field: FormField, value: string, error: string | undefined): string {
  const id = `field-${field.id}`;
  const describedBy = [field.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = [
    `id="${escapeHtml(id)}"`,
    `name="${escapeHtml(field.id)}"`,
    field.required ? 'required aria-required="true"' : "",
    error ? `aria-invalid="true"` : "",
    describedBy ? `aria-describedby="${escapeHtml(describedBy)}"` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const label = `<label for="${escapeHtml(id)}">${escapeHtml(field.label)}${
    field.required ? ' <span class="required" aria-hidden="true">*</span>' : ' <span class="optional">(optional)</span>'
  }</label>`;
  const hint = field.hint ? `<p class="field-hint" id="${escapeHtml(id)}-hint">${escapeHtml(field.hint)}</p>` : "";
  const errorText = error ? `<p class="field-error" id="${escapeHtml(id)}-error">${escapeHtml(error)}</p>` : "";
  return `<div class="field${error ? " has-error" : ""}">${label}${hint}${control(field, value, common)}${errorText}</div>`;
}

function control(field: FormField, value: string, common: string): string {
  const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : "";
  const maxLength = field.maxLength ? ` maxlength="${field.maxLength}"` : "";
  switch (field.kind) {
    case "textarea":
      return `<textarea ${common} rows="4"${placeholder}${maxLength}>${escapeHtml(value)}</textarea>`;
    case "select": {
      const options = (field.options ?? [])
        .map(
          (o) =>
            `<option value="${escapeHtml(o.value)}"${o.value === value ? " selected" : ""}>${escapeHtml(o.label)}</option>`,
        )
        .join("");
      return `<select ${common}><option value="">Choose…</option>${options}</select>`;
    }
    case "number": {
      // type=text + inputmode keeps the browser from swallowing invalid input: the core's schema judges it.
      const range = `${field.min !== undefined ? ` data-min="${field.min}"` : ""}${field.max !== undefined ? ` data-max="${field.max}"` : ""}`;
      return `<input type="text" inputmode="decimal" ${common} value="${escapeHtml(value)}"${placeholder}${range}>`;
    }
    default:
      return `<input type="text" ${common} value="${escapeHtml(value)}"${placeholder}${maxLength}>`;
  }
}
