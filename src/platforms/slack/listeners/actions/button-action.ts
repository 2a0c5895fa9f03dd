import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { Reply } from "../../../../core/commands/reply.js";
import { runAction } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import { textMessage } from "../../../../core/messages/message.js";
import { BUSY_REPLY, type ReplyBudget } from "../../../reply-budget.js";
import { openForm, postToUser, responseBody } from "../../deliver-reply.js";
import { coreActionId, renderSlackMessage } from "../../render/render-message.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";

/**
 * A button press anywhere (a reminder, a digest, App Home): the action id is the core's action id and
 * the value passes through. Replies go back where the button was: ephemerally under a message, or to
 * the user's DM from App Home (which has no response_url).
 */
export function registerButtonAction(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  app.action<BlockAction<ButtonAction>>({ type: "block_actions" }, async ({ ack, body, action, client, respond }) => {
    await ack();
    // Link buttons open a URL in the browser; Slack still tells us, but there is nothing to do.
    if (action.type !== "button" || action.url) return;
    const identity = slackIdentity(body.user.id, body.user.username ?? body.user.name);
    const conversation = slackConversation(body.channel?.id);
    // Acked already, so Slack's deadline is met; the budget only keeps a stalled core from queueing more.
    const work = replies.admit(async () => {
      if (!(await deps.inbound.firstTime(`slack:action:${body.trigger_id}:${action.action_id}`))) return null;
      return runAction(deps, { identity, conversation, action: coreActionId(action.action_id), value: action.value });
    });
    const reply = work ? await work : busyReply();
    if (!reply) return;
    if (reply.type === "form") {
      await openForm({ client, triggerId: body.trigger_id, view: reply.view, channel: body.channel?.id });
    } else if (body.response_url) {
      // A decided join request: its card (the message pressed on) shows the decision instead of buttons.
      if (reply.replaceSource && body.container?.is_ephemeral !== true)
        await respond({ ...renderSlackMessage(reply.replaceSource), replace_original: true });
      await respond({ ...responseBody(reply), replace_original: false });
    } else {
      await postToUser(client, body.user.id, reply);
    }
  });
}

function busyReply(): Reply {
  return { type: "message", visibility: "private", message: textMessage(BUSY_REPLY) };
}
