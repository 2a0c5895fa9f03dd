import type { AdaptiveCardActionResponse } from "@microsoft/teams.api";
import { textMessage } from "../../../core/messages/message.js";
import type { InboundActivity } from "../activity-context.js";
import { FORM_IN_CARD_VERB, openRequestData, readOpenRequest, SUBMIT_IN_CARD_VERB } from "../cards/card-data.js";
import { escapePlain } from "../cards/escape.js";
import { renderFormCard } from "../cards/render-form.js";
import { renderAdaptiveCard } from "../cards/render-message.js";
import { runOpenRequest } from "./dialog-open.js";
import { submitFormData } from "./form-submission.js";
import { firstDelivery, type HandlerDeps } from "./handler-deps.js";

type ExecuteValue = { action?: { verb?: string; data?: unknown } };

/**
 * Action.Execute (an `adaptiveCard/action` invoke): the form in a card, for clients that cannot open
 * dialogs. "Fill in here" on the form launcher swaps the launcher for the form; the form's submit goes
 * through the same zod validation as the dialog and answers with the next card in the form's place — the
 * form again with a message under each invalid field, or the confirmation once saved.
 */
export function registerCardAction({ app, deps, remember }: HandlerDeps): void {
  app.on("card.action", async (ctx): Promise<AdaptiveCardActionResponse> => {
    const activity = ctx.activity as unknown as InboundActivity;
    const { verb, data } = (activity.value as ExecuteValue | undefined)?.action ?? {};
    if (verb === SUBMIT_IN_CARD_VERB) {
      if (!(await firstDelivery(deps, activity))) return note("Already received.");
      await remember(activity);
      const outcome = await submitFormData(deps, activity, data);
      if (outcome.kind === "saved") return cardResponse(renderAdaptiveCard(outcome.confirmation));
      if (outcome.kind === "refused") return cardResponse(renderAdaptiveCard(textMessage(outcome.text)));
      const request = openRequestData(outcome.request);
      return cardResponse(renderFormCard(outcome.view, outcome.errors, request, { inCard: true }));
    }
    const request = verb === FORM_IN_CARD_VERB ? readOpenRequest(data) : null;
    if (!request) return note("That button is no longer available. Try help.");
    await remember(activity);
    const reply = await runOpenRequest(deps, activity, request);
    return cardResponse(
      reply.type === "form"
        ? renderFormCard(reply.view, {}, openRequestData(request), { inCard: true })
        : renderAdaptiveCard(reply.message),
    );
  });
}

function cardResponse(card: Record<string, unknown>): AdaptiveCardActionResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card as never };
}

function note(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: escapePlain(text) };
}
