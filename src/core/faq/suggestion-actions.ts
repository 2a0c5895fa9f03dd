import type { ActionHandler, OpenContext } from "../commands/command.js";
import { privateReply } from "../commands/reply.js";
import { textMessage } from "../messages/message.js";
import type { AskedQuestion } from "../ports/asked-questions.js";
import { replyTarget } from "./ask-command.js";
import { faqAudience, membersOnlyText } from "./faq-audience.js";
import { passToStaff } from "./pass-to-staff.js";
import { NONE_ACTION, PICK_ACTION, readPickValue, renderAnswer } from "./render-answer.js";

/**
 * A "Did you mean…?" button: answers with the entry pressed, and records which entry helped for which
 * question (only the asker's own press counts, and only for an entry that was offered).
 */
export const pickSuggestionAction: ActionHandler = {
  action: PICK_ACTION,
  audience: "everyone",
  async run(ctx) {
    const { deps, caller } = ctx;
    if (!caller.actor && faqAudience(caller.programme) === "members")
      return privateReply(textMessage(membersOnlyText(caller.programme)));
    const { askedId, key } = readPickValue(ctx.value);
    const entry = key ? await deps.faq.getEntry(caller.programme.id, key) : null;
    if (!entry?.active)
      return privateReply(textMessage("That answer is no longer in the FAQ. Please ask your question again."));
    const asked = await ownQuestion(ctx, askedId);
    if (asked?.suggestions.includes(entry.key)) {
      await deps.asked.recordPick(asked.id, { key: entry.key, at: deps.clock.now() });
    }
    const answer = { answered: true, outcome: "answer" as const, answer: entry.answer, sources: [entry.key] };
    return privateReply(renderAnswer({ ...answer, suggestions: [], offTopic: false }));
  },
};

/** "None of these": the suggestions missed, so the question goes to staff like any unknown one. */
export const noSuggestionFitsAction: ActionHandler = {
  action: NONE_ACTION,
  audience: "everyone",
  async run(ctx) {
    const { deps, caller } = ctx;
    const asked = await ownQuestion(ctx, ctx.value);
    if (!asked) return privateReply(textMessage("I can't find that question any more. Please ask it again."));
    const declined = { answered: false, outcome: "decline" as const, answer: "", sources: [], suggestions: [] };
    const result = await passToStaff({
      deps,
      programmeId: asked.programmeId,
      question: asked.question,
      asker: {
        memberId: caller.actor?.member.id ?? null,
        platform: caller.platform,
        externalId: caller.externalId,
        replyTo: await replyTarget(ctx),
      },
      declined: { ...declined, offTopic: false },
    });
    if (!asked.unansweredId) await deps.asked.markPassedOn(asked.id, result.passedOn.questionId);
    return privateReply(textMessage(result.answer));
  },
};

/** The asked question behind a button, if it is the presser's own, in the programme answering them. */
async function ownQuestion(ctx: OpenContext, askedId: string | null): Promise<AskedQuestion | null> {
  if (!askedId) return null;
  const asked = await ctx.deps.asked.get(askedId);
  const { caller } = ctx;
  const own =
    asked?.programmeId === caller.programme.id &&
    asked.platform === caller.platform &&
    asked.askerExternalId === caller.externalId;
  return own ? asked : null;
}
