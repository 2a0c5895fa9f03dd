import { runAction, runCommand } from "../../../core/commands/run-command.js";
import { commandText, conversationOf, type InboundActivity, identityOf } from "../activity-context.js";
import { openRequestData, readOpenRequest } from "../cards/card-data.js";
import { mentionedPeople } from "../mentioned-people.js";
import { sendReply } from "../send-reply.js";
import { firstDelivery, type HandlerDeps } from "./handler-deps.js";

/**
 * A message to the bot (personal chat, or an @mention in a channel): all text goes to the core's
 * command router. A card button posted without a dialog (older cards, or a client that sends
 * Action.Submit as a message) carries the core action id in `value` and goes to runAction.
 */
export function registerMessage({ app, deps, remember }: HandlerDeps): void {
  app.on("message", async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity;
    if (!(await firstDelivery(deps, activity))) return;
    await remember(activity);
    const identity = identityOf(activity);
    const conversation = conversationOf(activity);
    const button = readOpenRequest(activity.value);
    const request = button ?? { kind: "command" as const, text: commandText(activity) };
    const reply =
      request.kind === "action"
        ? await runAction(deps, { identity, conversation, action: request.action, value: request.value })
        : await runCommand(deps, {
            identity,
            conversation,
            text: request.text,
            // Only a typed command can mention people (`add @Sam Croydon`); the roster gives their object id.
            mentions: await mentionedPeople(activity, (conversationId, userId) =>
              ctx.api.conversations.members(conversationId).getById(userId),
            ),
          });
    await sendReply({ app, ctx, activity, logger: deps.logger }, reply, openRequestData(request));
  });
}
