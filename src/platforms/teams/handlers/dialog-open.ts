import type { Reply } from "../../../core/commands/reply.js";
import { runAction, runCommand } from "../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../core/deps.js";
import { conversationOf, type InboundActivity, identityOf } from "../activity-context.js";
import { ACTION_KEY, type OpenRequest, openRequestData, readOpenRequest } from "../cards/card-data.js";
import { renderFormCard } from "../cards/render-form.js";
import { renderTeamsActivity } from "../cards/render-message.js";
import type { HandlerDeps } from "./handler-deps.js";
import { cardAttachment, taskContinue, taskMessage } from "./task-responses.js";

/**
 * task/fetch: a card button asked for a dialog. The request (command text or action id + value) goes
 * through the core again, so roles and the cycle's state are checked now, not when the card was sent.
 * A form opens as the dialog; any other answer is posted to the conversation and summarised in the popup.
 */
export function registerDialogOpen({ app, deps, remember }: HandlerDeps): void {
  app.on("dialog.open", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity;
    await remember(activity);
    const data = (activity.value as { data?: unknown } | undefined)?.data;
    const request = readOpenRequest(data) ?? {
      kind: "action",
      action: String((data as Record<string, unknown> | undefined)?.[ACTION_KEY] ?? ""),
      value: "",
    };
    const reply = await runOpenRequest(deps, activity, request);
    if (reply.type === "form") {
      return taskContinue(
        reply.view.form.title,
        cardAttachment(renderFormCard(reply.view, {}, openRequestData(request))),
      );
    }
    await ctx.send(renderTeamsActivity(reply.message) as never);
    return taskMessage(reply.message.summary);
  });
}

export function runOpenRequest(deps: CoreDeps, activity: InboundActivity, request: OpenRequest): Promise<Reply> {
  const identity = identityOf(activity);
  const conversation = conversationOf(activity);
  return request.kind === "action"
    ? runAction(deps, { identity, conversation, action: request.action, value: request.value })
    : runCommand(deps, { identity, conversation, text: request.text });
}
