import { submitForm } from "../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../core/deps.js";
import type { FormView } from "../../../core/forms/form.js";
import type { Message } from "../../../core/messages/message.js";
import { conversationOf, type InboundActivity, identityOf } from "../activity-context.js";
import { type OpenRequest, readFormSubmission } from "../cards/card-data.js";
import { runOpenRequest } from "./dialog-open.js";

export type SubmissionOutcome =
  | { kind: "saved"; confirmation: Message }
  | { kind: "invalid"; view: FormView; errors: Record<string, string>; request: OpenRequest }
  | { kind: "refused"; text: string };

/**
 * A submitted form, from a dialog (task/submit) or from the form in a card (Action.Execute): the core
 * validates it with the form's zod schema. On errors the form is rebuilt through the core from the request
 * stored on the submit button (roles and cycle state checked again) and refilled with the user's values,
 * so either surface can show it again with a message under each field.
 */
export async function submitFormData(
  deps: CoreDeps,
  activity: InboundActivity,
  data: unknown,
): Promise<SubmissionOutcome> {
  const submission = readFormSubmission(data);
  const result = await submitForm(deps, {
    identity: identityOf(activity),
    conversation: conversationOf(activity),
    formId: submission?.formId ?? "",
    context: submission?.context ?? "",
    values: submission?.values ?? {},
  });
  if (result.ok) return { kind: "saved", confirmation: result.confirmation };
  const request = submission?.request;
  const reopened = request ? await runOpenRequest(deps, activity, request) : null;
  if (submission && request && reopened?.type === "form") {
    const values = { ...reopened.view.values, ...definedOnly(submission.values) };
    return {
      kind: "invalid",
      view: { ...reopened.view, context: submission.context, values },
      errors: result.errors,
      request,
    };
  }
  // The form cannot be shown again (no longer available, not a member): say why.
  return { kind: "refused", text: Object.values(result.errors).join(" ") };
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}
