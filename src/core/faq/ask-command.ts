import type { Command, OpenContext } from "../commands/command.js";
import { privateReply } from "../commands/reply.js";
import { type Message, textMessage } from "../messages/message.js";
import type { ChatTarget } from "../ports/chat-gateway.js";
import { notMemberText } from "../programme/not-member.js";
import { answerQuestion } from "./answer-question.js";
import { detectIntent } from "./detect-intent.js";
import { faqAudience, membersOnlyText } from "./faq-audience.js";
import { answerLive } from "./live/answer-live.js";
import { outcomeOf, recordAsked } from "./record-asked.js";
import { renderAnswer } from "./render-answer.js";

/**
 * `ask <question>`: plain questions to the bot land here too (the router sends question-like text).
 * Open to everyone in the workspace: programme facts are public (unless the programme file says
 * `faqAudience: members`); questions about "our" team need membership. Typing `ask` is asking the
 * programme team on purpose: a question the FAQ cannot answer goes to staff even if it looks off-topic
 * (as pressing "It's about the programme: ask the team" does); plain text the router guessed was a
 * question is declined politely when off-topic, so staff's queue is not filled with noise.
 */
export const askCommand: Command = {
  name: "ask",
  usage: "ask <question>",
  summary: "ask a question about the programme (I pass ones I can't answer to the programme team)",
  audience: "everyone",
  async run(ctx) {
    const question = ctx.args.trim();
    if (!question) return privateReply(textMessage("Ask me a question after `ask`, e.g. `ask how much is the grant?`"));
    return privateReply(await askQuestion(ctx, question, { onPurpose: !ctx.routed }));
  },
};

export async function askQuestion(
  ctx: OpenContext,
  question: string,
  { onPurpose = false }: { onPurpose?: boolean } = {},
): Promise<Message> {
  const { deps, caller } = ctx;
  const { actor, programme } = caller;
  if (!actor && faqAudience(programme) === "members") return textMessage(membersOnlyText(programme));

  const intent = detectIntent(question);
  if (intent && !actor) {
    return textMessage(`That's about your own team. ${notMemberText()}`);
  }
  if (intent && actor) {
    const live = await answerLive({ deps, actor, intent });
    if (live) {
      await recordAsked({ deps, caller, question, outcome: "live", sources: [intent] });
      return live;
    }
  }
  const result = await answerQuestion({
    deps,
    programmeId: programme.id,
    question,
    passOffTopic: onPurpose,
    asker: {
      memberId: actor?.member.id ?? null,
      platform: caller.platform,
      externalId: caller.externalId,
      replyTo: await replyTarget(ctx),
    },
  });
  const askedId = await recordAsked({
    deps,
    caller,
    question,
    outcome: outcomeOf(result),
    sources: result.sources,
    suggestions: result.suggestions.map((s) => s.key),
    unansweredId: result.passedOn?.questionId,
  });
  return renderAnswer(result, askedId);
}

/** The answer goes back to the asker directly (never into a channel where others would see it). */
export async function replyTarget(ctx: Pick<OpenContext, "deps" | "caller" | "conversation">): Promise<ChatTarget> {
  const { caller, conversation } = ctx;
  const target: ChatTarget = { platform: caller.platform, kind: "user", externalId: caller.externalId };
  if (conversation?.kind === "personal") {
    // Teams needs the personal chat's conversation reference to message the user later.
    if (conversation.reference) target.conversationRef = conversation.reference;
    else {
      const [channel] = await ctx.deps.programmes.findChannels(conversation.platform, conversation.externalId);
      if (channel?.conversationRef) target.conversationRef = channel.conversationRef;
    }
  }
  return target;
}
