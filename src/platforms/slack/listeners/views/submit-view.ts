import type { ViewOutput } from "@slack/bolt";
import { submitForm } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import type { FormValues } from "../../../../core/forms/form.js";
import { decodeMetadata } from "../../render/render-form.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";

/** Hands a modal's values to the core's submitForm, as a submission or (on close) a draft. */
export function submitView(
  deps: CoreDeps,
  input: { user: { id: string; name: string }; view: ViewOutput; values: FormValues; draft: boolean },
) {
  const metadata = decodeMetadata(input.view.private_metadata);
  return submitForm(deps, {
    identity: slackIdentity(input.user.id, input.user.name),
    conversation: slackConversation(metadata.channel),
    formId: input.view.callback_id,
    context: metadata.context,
    values: input.values,
    draft: input.draft,
  });
}
