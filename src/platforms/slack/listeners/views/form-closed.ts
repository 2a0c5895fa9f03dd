import type { App } from "@slack/bolt";
import { submitForm } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import { postToUser } from "../../deliver-reply.js";
import { decodeMetadata, readFormValues } from "../../render/render-form.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";

/**
 * Closing a modal (notify_on_close) keeps what was typed as a draft, so a half-written update is not
 * lost. Nothing typed, nothing saved. The core decides what a draft may contain.
 */
export function registerFormClosed(app: App, deps: CoreDeps): void {
  app.view({ type: "view_closed", callback_id: /.+/ }, async ({ ack, body, view, client }) => {
    await ack();
    const values = readFormValues(view.state);
    if (!Object.values(values).some((v) => v !== undefined)) return;
    if (!(await deps.inbound.firstTime(`slack:view-closed:${view.id}:${view.hash}`))) return;
    const metadata = decodeMetadata(view.private_metadata);
    const result = await submitForm(deps, {
      identity: slackIdentity(body.user.id, body.user.name),
      conversation: slackConversation(metadata.channel),
      formId: view.callback_id,
      context: metadata.context,
      values,
      draft: true,
    });
    if (!result.ok) {
      deps.logger.info({ formId: view.callback_id, fields: Object.keys(result.errors) }, "draft on close not saved");
      return;
    }
    await postToUser(client, body.user.id, { message: result.confirmation }).catch((err: unknown) =>
      deps.logger.warn({ err }, "could not send the draft confirmation"),
    );
  });
}
