import type { Command, CommandContext } from "../commands/command.js";
import { privateReply, type Reply } from "../commands/reply.js";
import { textMessage } from "../messages/message.js";
import type { ChatTarget } from "../ports/chat-gateway.js";
import { isStaff } from "../programme/types.js";
import { answerQuestion } from "./answer-question.js";
import { detectIntent } from "./detect-intent.js";
import { renderAnswer } from "./render-answer.js";

/** `ask <question>`: plain questions to the bot land here too (the router sends question-like text). */
export const askCommand: Command = {
  name: "ask",
  usage: "ask <question>",
  summary: "ask a question about the programme (I pass ones I can't answer to the programme team)",
  async run(ctx) {
    const question = ctx.args.trim();
    if (!question) return privateReply(textMessage("Ask me a question after `ask`, e.g. `ask how much is the grant?`"));
    const routed = await routeIntent(ctx, question);
    if (routed) return routed;
    const result = await answerQuestion({
      deps: ctx.deps,
      programmeId: ctx.actor.programme.id,
      question,
      asker: {
        memberId: ctx.actor.member.id,
        platform: ctx.actor.platform,
        externalId: ctx.actor.externalId,
        replyTo: await replyTarget(ctx),
      },
    });
    return privateReply(renderAnswer(result));
  },
};

/** Live-data questions go to the command that answers them (`next`, `status`) when it is registered. */
async function routeIntent(ctx: CommandContext, question: string): Promise<Reply | null> {
  const intent = detectIntent(question);
  if (!intent) return null;
  // Imported here, not at the top: the registry imports this file.
  const { findCommand } = await import("../commands/registry.js");
  const command = findCommand(intent);
  if (!command || command.name === "ask" || (command.staffOnly && !isStaff(ctx.actor))) return null;
  return command.run({ ...ctx, args: "" });
}

/** The answer goes back to the asker directly (never into a channel where others would see it). */
async function replyTarget(ctx: CommandContext): Promise<ChatTarget> {
  const target: ChatTarget = { platform: ctx.actor.platform, kind: "user", externalId: ctx.actor.externalId };
  const conversation = ctx.conversation;
  if (conversation?.kind === "personal") {
    // Teams needs the personal chat's stored conversation reference to message the user later.
    const [channel] = await ctx.deps.programmes.findChannels(conversation.platform, conversation.externalId);
    if (channel?.conversationRef) target.conversationRef = channel.conversationRef;
  }
  return target;
}
