import type { InboundActivity } from "../activity-context.js";
import { openRequestData } from "../cards/card-data.js";
import { renderFormCard } from "../cards/render-form.js";
import { renderTeamsActivity } from "../cards/render-message.js";
import { submitFormData } from "./form-submission.js";
import { firstDelivery, type HandlerDeps } from "./handler-deps.js";
import { cardAttachment, taskContinue, taskMessage } from "./task-responses.js";

/**
 * task/submit: the dialog's form was submitted. Errors re-show the dialog with the user's values and an
 * inline message per field; success posts the confirmation card to the conversation and closes the dialog
 * with its summary.
 */
export function registerDialogSubmit({ app, deps, remember }: HandlerDeps): void {
  app.on("dialog.submit", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity;
    // A redelivered submit must not save twice; an empty body just closes the dialog.
    if (!(await firstDelivery(deps, activity))) return undefined;
    await remember(activity);
    const outcome = await submitFormData(deps, activity, (activity.value as { data?: unknown } | undefined)?.data);
    switch (outcome.kind) {
      case "saved":
        await ctx.send(renderTeamsActivity(outcome.confirmation) as never);
        return taskMessage(outcome.confirmation.summary);
      case "invalid": {
        const card = renderFormCard(outcome.view, outcome.errors, openRequestData(outcome.request));
        return taskContinue(outcome.view.form.title, cardAttachment(card));
      }
      case "refused":
        return taskMessage(outcome.text);
    }
  });
}
