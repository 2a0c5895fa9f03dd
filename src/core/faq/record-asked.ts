import type { CoreDeps } from "../deps.js";
import type { AskOutcome } from "../ports/asked-questions.js";
import type { Caller } from "../programme/resolve-actor.js";
import type { FaqReply } from "./answer-question.js";

/**
 * Keeps what a chat question got (`faq stats`), and gives the reply an id its "Did you mean…?" buttons
 * can point back to. Recording is bookkeeping: if it fails, the person still gets their answer.
 */
export async function recordAsked(input: {
  deps: CoreDeps;
  caller: Caller;
  question: string;
  outcome: AskOutcome;
  sources?: string[];
  suggestions?: string[];
  unansweredId?: string | null;
}): Promise<string | null> {
  const { deps, caller } = input;
  try {
    const row = await deps.asked.record({
      programmeId: caller.programme.id,
      question: input.question.slice(0, 1000),
      outcome: input.outcome,
      sources: input.sources ?? [],
      suggestions: input.suggestions ?? [],
      platform: caller.platform,
      askerExternalId: caller.externalId,
      memberId: caller.actor?.member.id ?? null,
      unansweredId: input.unansweredId ?? null,
      askedAt: deps.clock.now(),
    });
    return row.id;
  } catch (error) {
    deps.logger.warn({ err: error }, "could not record an asked question");
    return null;
  }
}

/** The outcome to record for an FAQ reply. */
export function outcomeOf(result: FaqReply): AskOutcome {
  if (result.outcome === "decline" && result.offTopic) return "off-topic";
  return result.outcome;
}
