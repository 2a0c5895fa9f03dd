import type { App } from "@slack/bolt";
import { runCommand } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import { GENERIC_FAILURE } from "../../../../core/errors.js";
import { textMessage } from "../../../../core/messages/message.js";
import { BUSY_REPLY, type ReplyBudget, within } from "../../../reply-budget.js";
import { openForm, responseBody } from "../../deliver-reply.js";
import { createRetryGuard } from "../../retry-guard.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";
import { extractMentions } from "../../slack-mentions.js";

/**
 * `/cohort <text>`: every word goes to the core's router. Replies ready within the budget
 * (reply-budget.ts, 1.5 s by default) ride in the ack; a form opens with the trigger id; anything
 * slower is acked with "Working on it…" and sent via response_url, so a slow database never makes
 * Slack show a timeout. With the core already full the ack says "busy" and no database is touched.
 * Matching /^\/cohort/ lets a workspace install a renamed command (/cohort-dev) without code changes.
 */
export function registerCohortCommand(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  const isNew = createRetryGuard(deps, replies.budgetMs);
  app.command(/^\/cohort/, async ({ command, ack, respond, client, context }) => {
    // trigger_id is unique per invocation: seeing it again means Slack retried, so answer and stop.
    // A first delivery is answered without waiting for the database (retry-guard.ts); a retry that
    // cannot be checked (database unreachable) gets an apology within Slack's 3 s instead of a hang.
    const first = await isNew(`slack:command:${command.trigger_id}`, context.retryNum);
    if (first === false) {
      await ack();
      return;
    }
    if (first !== true) {
      await ack({ response_type: "ephemeral", text: GENERIC_FAILURE });
      return;
    }
    const identity = slackIdentity(command.user_id, command.user_name);
    const conversation = slackConversation(command.channel_id);
    // Nobody becomes a member by where they speak: membership comes from the programme file, a staff
    // `add`, or an approved `join` request (see docs/SLACK.md).
    const { text, mentions } = extractMentions(command.text ?? "");
    const work = replies.admit(() => runCommand(deps, { identity, conversation, text, mentions }));
    if (!work) {
      await ack({ response_type: "ephemeral", text: BUSY_REPLY });
      return;
    }

    const early = await within(work, replies.budgetMs);
    if (early?.type === "message") {
      await ack(responseBody(early));
      return;
    }
    if (early === undefined) await ack({ response_type: "ephemeral", text: "Working on it…" });
    else await ack();

    const reply = early ?? (await work);
    if (reply.type === "message") {
      await respond({ ...responseBody(reply), replace_original: false });
      return;
    }
    try {
      await openForm({ client, triggerId: command.trigger_id, view: reply.view, channel: command.channel_id });
    } catch (err) {
      deps.logger.warn({ err }, "views.open failed for /cohort");
      await respond({
        ...responseBody({ type: "message", visibility: "private", message: textMessage(GENERIC_FAILURE) }),
      });
    }
  });
}
