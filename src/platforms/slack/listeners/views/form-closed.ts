import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { postToUser } from "../../deliver-reply.js";
import { readFormValues } from "../../render/render-form.js";
import { submitView } from "./submit-view.js";

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
    const result = await submitView(deps, { user: body.user, view, values, draft: true });
    if (!result.ok) {
      deps.logger.info({ formId: view.callback_id, fields: Object.keys(result.errors) }, "draft on close not saved");
      return;
    }
    await postToUser(client, body.user.id, { message: result.confirmation }).catch((err: unknown) =>
      deps.logger.warn({ err }, "could not send the draft confirmation"),
    );
  });
}
