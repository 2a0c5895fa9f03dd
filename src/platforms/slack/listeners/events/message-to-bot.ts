import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../../../core/commands/reply.js";
import { runCommand } from "../../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../../core/deps.js";
import { textMessage } from "../../../../core/messages/message.js";
import { renderSlackMessage } from "../../render/render-message.js";
import { slackConversation, slackIdentity } from "../../slack-identity.js";
import { extractMentions } from "../../slack-mentions.js";

type ChatMessage = {
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  channel_type?: string;
};

/**
 * Plain words to the bot, besides `/cohort`: a direct message in the app's Messages tab, or an
 * @mention in a channel. Both go to the same router as the slash command, so anyone in the workspace
 * can ask the FAQ this way too. A DM is answered in the DM; a mention is answered privately (ephemeral)
 * when the reply is private, else in the message's thread.
 */
export function registerMessageToBot(app: App, deps: CoreDeps): void {
  app.event("app_mention", async ({ event, body, client, context }) => {
    if (!(await deps.inbound.firstTime(`slack:event:${body.event_id}`))) return;
    const bot = context.botUserId ?? (body as { authorizations?: { user_id?: string }[] }).authorizations?.[0]?.user_id;
    await answer(deps, client, event as ChatMessage, bot ?? null);
  });
  app.event("message", async ({ event, body, client }) => {
    const message = event as ChatMessage;
    if (message.channel_type !== "im" || message.subtype || message.bot_id || !message.user) return;
    if (!(await deps.inbound.firstTime(`slack:event:${body.event_id}`))) return;
    await answer(deps, client, message, null);
  });
}

/** `mentionOf`: the bot's user id when it was @mentioned in a channel; null for a DM. */
async function answer(deps: CoreDeps, client: WebClient, message: ChatMessage, mentionOf: string | null) {
  if (!message.user) return;
  const where = message.channel_type === "im" || mentionOf === null ? "dm" : "mention";
  const { text, mentions } = extractMentions(message.text ?? "");
  // The bot's own mention is how the message reached us, not someone the command is about.
  const people = mentions.filter((m) => m.externalId !== mentionOf);
  const identity = slackIdentity(message.user);
  const reply = await runCommand(deps, {
    identity,
    conversation: slackConversation(message.channel),
    text,
    mentions: people,
  });
  const shown = reply.type === "form" ? formHint() : reply;
  const rendered = renderSlackMessage(shown.message);
  try {
    if (where === "mention" && shown.visibility === "private") {
      await client.chat.postEphemeral({ channel: message.channel, user: message.user, ...rendered });
    } else {
      const thread = where === "mention" ? { thread_ts: message.thread_ts ?? message.ts } : {};
      await client.chat.postMessage({ channel: message.channel, ...rendered, ...thread });
    }
  } catch (error) {
    deps.logger.warn({ err: error }, "could not answer a Slack message to the bot");
  }
}

/** A modal needs a trigger id, which only a slash command or a button gives. */
function formHint(): Extract<Reply, { type: "message" }> {
  return {
    type: "message",
    visibility: "private",
    message: textMessage("That opens a form: type `/cohort update` to open it."),
  };
}
