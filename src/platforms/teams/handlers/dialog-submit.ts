import { submitForm } from "../../../core/commands/run-command.js";
import { conversationOf, type InboundActivity, identityOf } from "../activity-context.js";
import { openRequestData, readFormSubmission } from "../cards/card-data.js";
import { renderFormCard } from "../cards/render-form.js";
import { renderTeamsActivity } from "../cards/render-message.js";
import { runOpenRequest } from "./dialog-open.js";
import { firstDelivery, type HandlerDeps } from "./handler-deps.js";
import { cardAttachment, taskContinue, taskMessage } from "./task-responses.js";

/**
 * task/submit: the dialog's form was submitted. The core validates it with the form's zod schema.
 * Errors re-show the dialog with the user's values and an inline message per field (the form is rebuilt
 * through the core from the request stored on the submit button); success posts the confirmation card
 * to the conversation and closes the dialog with its summary.
 */
export function registerDialogSubmit({ app, deps, remember }: HandlerDeps): void {
  app.on("dialog.submit", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity;
    // A redelivered submit must not save twice; an empty body just closes the dialog.
    if (!(await firstDelivery(deps, activity))) return undefined;
    await remember(activity);
    const submission = readFormSubmission((activity.value as { data?: unknown } | undefined)?.data);
    const identity = identityOf(activity);
    const conversation = conversationOf(activity);
    const result = await submitForm(deps, {
      identity,
      conversation,
      formId: submission?.formId ?? "",
      context: submission?.context ?? "",
      values: submission?.values ?? {},
    });
    if (result.ok) {
      await ctx.send(renderTeamsActivity(result.confirmation) as never);
      return taskMessage(result.confirmation.summary);
    }
    const request = submission?.request;
    const reopened = request ? await runOpenRequest(deps, activity, request) : null;
    if (submission && request && reopened?.type === "form") {
      const view = {
        ...reopened.view,
        context: submission.context,
        values: { ...reopened.view.values, ...definedOnly(submission.values) },
      };
      const card = renderFormCard(view, result.errors, openRequestData(request));
      return taskContinue(view.form.title, cardAttachment(card));
    }
    // The form cannot be shown again (no longer available, not a member): say why and close.
    return taskMessage(Object.values(result.errors).join(" "));
  });
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}
