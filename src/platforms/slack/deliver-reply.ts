import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../core/commands/reply.js";
import type { FormView } from "../../core/forms/form.js";
import { renderSlackModal } from "./render/render-form.js";
import { renderSlackMessage } from "./render/render-message.js";

type MessageReply = Extract<Reply, { type: "message" }>;
type ModalView = Parameters<WebClient["views"]["open"]>[0]["view"];

/** A core message reply → a slash-command/response_url body: private replies are ephemeral. */
export function responseBody(reply: MessageReply) {
  return {
    response_type: reply.visibility === "public" ? ("in_channel" as const) : ("ephemeral" as const),
    ...renderSlackMessage(reply.message),
  };
}

/** Opens a core form as a modal; the originating channel rides along so the result can go back there. */
export async function openForm(options: {
  client: WebClient;
  triggerId: string;
  view: FormView;
  channel?: string;
}): Promise<void> {
  const modal = renderSlackModal(options.view, undefined, { context: options.view.context, channel: options.channel });
  await options.client.views.open({ trigger_id: options.triggerId, view: modal as ModalView });
}

/** Sends a message to a user's DM with the app (posting to a user id needs no im:write scope). */
export async function postToUser(
  client: WebClient,
  userId: string,
  reply: MessageReply | { message: MessageReply["message"] },
) {
  await client.chat.postMessage({ channel: userId, ...renderSlackMessage(reply.message) });
}
