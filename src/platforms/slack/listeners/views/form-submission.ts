import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { textMessage } from "../../../../core/messages/message.js";
import { BUSY_REPLY, type ReplyBudget, within } from "../../../reply-budget.js";
import { postToUser } from "../../deliver-reply.js";
import { readFormValues } from "../../render/render-form.js";
import { submitView } from "./submit-view.js";

/**
 * A submitted modal → the core's submitForm. Field errors go back inline (`response_action: errors`,
 * block ids are field ids); on success the modal closes and the confirmation goes to the user's DM.
 * Slack wants the answer within 3 s: a result not ready within the reply budget closes the modal and
 * arrives in the DM (the confirmation, or what to fix); with the core full the modal stays open, with
 * everything typed, and says "busy".
 */
export function registerFormSubmission(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  app.view({ type: "view_submission", callback_id: /.+/ }, async ({ ack, body, view, client, context }) => {
    const values = readFormValues(view.state);
    // A Slack retry repeats view, hash and values exactly; only a retry is dropped. The same values
    // pressed again by the user (after an error) are a new request and get a fresh answer.
    const key = `slack:view:${view.id}:${view.hash}:${digest(values)}`;
    const work = replies.admit(async () => {
      const first = await deps.inbound.firstTime(key);
      if (!first && context.retryNum !== undefined) return null;
      return submitView(deps, { user: body.user, view, values, draft: false });
    });
    if (!work) {
      await ack({ response_action: "errors", errors: toBlockErrors({ _form: BUSY_REPLY }, view.blocks) });
      return;
    }
    const early = await within(work, replies.budgetMs);
    if (early === null) {
      await ack();
      return;
    }
    if (early && !early.ok) {
      await ack({ response_action: "errors", errors: toBlockErrors(early.errors, view.blocks) });
      return;
    }
    await ack();
    const result = early ?? (await work);
    if (!result) return;
    const message = result.ok ? result.confirmation : notSaved(result.errors);
    await postToUser(client, body.user.id, { message }).catch((err: unknown) =>
      deps.logger.warn({ err }, "could not send the form confirmation"),
    );
  });
}

/** A late refusal: the modal has closed, so the reasons go to the DM. */
function notSaved(errors: Record<string, string>) {
  const reasons = Object.values(errors).map((e) => `• ${e}`);
  return textMessage(["That form was not saved:", ...reasons, "Open it again with `/cohort update`."].join("\n"));
}

/** Field errors keyed by field id; anything not tied to a field (`_form`) shows on the first input. */
export function toBlockErrors(errors: Record<string, string>, blocks: { type: string; block_id?: string }[]) {
  const inputs = blocks.filter((b) => b.type === "input" && b.block_id).map((b) => b.block_id as string);
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const blockId = inputs.includes(field) ? field : inputs[0];
    if (!blockId) continue;
    // Slack shows at most 150 characters per error.
    out[blockId] = out[blockId] ? `${out[blockId]} ${message}`.slice(0, 150) : message.slice(0, 150);
  }
  return out;
}

function digest(values: Record<string, string | undefined>): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 16);
}
