/**
 * What our cards put in `data` of Action.Submit, and what comes back in `activity.value` (a message for
 * plain buttons) or `activity.value.data` (task/fetch and task/submit invokes). Keys are prefixed so they
 * cannot clash with form field ids, which share the same object on submit.
 */
export const ACTION_KEY = "cohortAction";
export const VALUE_KEY = "cohortValue";
export const COMMAND_KEY = "cohortCommand";
export const FORM_KEY = "cohortForm";
export const CONTEXT_KEY = "cohortContext";

/** Opens a dialog (task module) instead of posting a message: Teams sends task/fetch with this data. */
export const TASK_FETCH = { msteams: { type: "task/fetch" } } as const;

/**
 * Action.Execute verbs (Universal Actions: Teams sends an `adaptiveCard/action` invoke and shows the card we
 * answer with in place of the one clicked). They carry the form where dialogs are not available.
 */
export const FORM_IN_CARD_VERB = "cohort.form.inCard";
export const SUBMIT_IN_CARD_VERB = "cohort.form.submit";

export type OpenRequest = { kind: "action"; action: string; value: string } | { kind: "command"; text: string };

/** Reads what a task/fetch (or a card button message) asked for; null when it is not one of ours. */
export function readOpenRequest(data: unknown): OpenRequest | null {
  if (!data || typeof data !== "object") return null;
  const record = data as Record<string, unknown>;
  if (typeof record[ACTION_KEY] === "string") {
    const value = record[VALUE_KEY];
    return { kind: "action", action: record[ACTION_KEY], value: typeof value === "string" ? value : "" };
  }
  if (typeof record[COMMAND_KEY] === "string") return { kind: "command", text: record[COMMAND_KEY] };
  return null;
}

const OUR_KEYS = new Set([FORM_KEY, CONTEXT_KEY, ACTION_KEY, VALUE_KEY, COMMAND_KEY, "msteams"]);

/** The card data that rebuilds the same form through the core (kept on the submit button for re-showing errors). */
export function openRequestData(request: OpenRequest): Record<string, string> {
  return request.kind === "action"
    ? { [ACTION_KEY]: request.action, [VALUE_KEY]: request.value }
    : { [COMMAND_KEY]: request.text };
}

export type FormSubmission = {
  formId: string;
  context: string;
  values: Record<string, string | undefined>;
  /** How the dialog was opened, so a failed submit can rebuild the form and show it again with errors. */
  request: OpenRequest | null;
};

/** Splits a task/submit payload into our form id/context and the field values (strings, as inputs send them). */
export function readFormSubmission(data: unknown): FormSubmission | null {
  if (!data || typeof data !== "object") return null;
  const record = data as Record<string, unknown>;
  const formId = record[FORM_KEY];
  if (typeof formId !== "string") return null;
  const context = typeof record[CONTEXT_KEY] === "string" ? record[CONTEXT_KEY] : "";
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(record)) {
    if (OUR_KEYS.has(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") values[key] = String(value);
  }
  return { formId, context, values, request: readOpenRequest(record) };
}
