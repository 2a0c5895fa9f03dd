import type { App } from "@slack/bolt";
import { runCommand } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import { GENERIC_FAILURE } from "../../../../core/errors.js";
import { textMessage } from "../../../../core/messages/message.js";
import { openForm, responseBody, within } from "../../deliver-reply.js";
import { createRetryGuard } from "../../retry-guard.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";
import { extractMentions } from "../../slack-mentions.js";

/** Answers that are ready this soon go back in the HTTP response itself; Slack gives up at 3 s. */
export const ACK_BUDGET_MS = 2_000;

/**
 * `/cohort <text>`: every word goes to the core's router. Fast replies ride in the ack; a form opens
 * with the trigger id; anything slower is acked with "Working on it…" and sent via response_url.
 * Matching /^\/cohort/ lets a workspace install a renamed command (/cohort-dev) without code changes.
 */
export function registerCohortCommand(app: App, deps: CoreDeps): void {
  const isNew = createRetryGuard(deps, ACK_BUDGET_MS);
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
    const work = runCommand(deps, { identity, conversation, text, mentions });

    const early = await within(work, ACK_BUDGET_MS);
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
