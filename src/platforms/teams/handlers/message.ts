import type { IActivityContext } from "@microsoft/teams.apps";
import { runAction, runCommand } from "../../../core/commands/run-command.js";
import { GENERIC_FAILURE } from "../../../core/errors.js";
import { textMessage } from "../../../core/messages/message.js";
import { BUSY_REPLY, within } from "../../reply-budget.js";
import { commandText, conversationOf, type InboundActivity, identityOf } from "../activity-context.js";
import { openRequestData, readOpenRequest } from "../cards/card-data.js";
import { renderTeamsActivity } from "../cards/render-message.js";
import { mentionedPeople } from "../mentioned-people.js";
import { replaceSourceCard } from "../replace-source.js";
import { sendReply } from "../send-reply.js";
import { firstDelivery, type HandlerDeps } from "./handler-deps.js";

type SendContext = Pick<IActivityContext, "send">;
type MessageContext = Pick<IActivityContext, "activity" | "api" | "send" | "ref">;

/**
 * A message to the bot (personal chat, or an @mention in a channel): all text goes to the core's
 * command router. A card button posted without a dialog (older cards, or a client that sends
 * Action.Submit as a message) carries the core action id in `value` and goes to runAction.
 *
 * The reply goes to the Bot Connector, not in the HTTP response, so the response waits at most the reply
 * budget (reply-budget.ts): a slow database never makes Teams redeliver the activity, and the reply
 * follows through the connector when it is ready. With the core full the person is told "busy" at once.
 */
export function registerMessage(handlerDeps: HandlerDeps): void {
  const { app, deps, replies } = handlerDeps;
  app.on("message", async (ctx) => {
    const work = replies.admit(() => answer(handlerDeps, ctx));
    if (!work) {
      await say(ctx, BUSY_REPLY).catch((err: unknown) => deps.logger.warn({ err }, "could not send 'busy' to Teams"));
      return;
    }
    const settled = work.then(
      () => true,
      async (err: unknown) => {
        deps.logger.error({ err }, "teams message failed");
        await say(ctx, GENERIC_FAILURE).catch(() => {});
        return true;
      },
    );
    // Not done within the budget: answer Teams now; the reply reaches the connector when it is ready.
    await within(settled, replies.budgetMs);
  });
}

async function answer({ app, deps, remember }: HandlerDeps, ctx: MessageContext) {
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
  // A decided join request: the card pressed on shows the decision in place of its buttons.
  if (reply.type === "message" && reply.replaceSource && request.kind === "action")
    await replaceSourceCard(ctx, activity, reply.replaceSource, deps.logger);
  await sendReply({ app, ctx, activity, logger: deps.logger }, reply, openRequestData(request));
}

function say(ctx: SendContext, text: string) {
  return ctx.send(renderTeamsActivity(textMessage(text)) as never);
}
