import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { Message } from "../messages/message.js";
import { type ChatTarget, DeliveryError } from "../ports/chat-gateway.js";
import type { FaqEntry, UnansweredQuestion } from "../ports/faq-repository.js";
import { invalidateFaqIndex } from "./faq-index-cache.js";
import { findOpenQuestion } from "./find-open-question.js";

export type StaffAuthor = { id: string; name: string };

/**
 * A staff member answers a queued question: the answer becomes an FAQ entry (so the next person gets it
 * straight away), the question is closed, the asker gets the answer where they asked, and it is audited.
 * A failed delivery does not undo the answer; the caller is told so staff can follow up by hand.
 */
export async function answerUnanswered({
  deps,
  programmeId,
  questionId,
  answer,
  by,
}: {
  deps: CoreDeps;
  programmeId: string;
  questionId: string;
  answer: string;
  by: StaffAuthor;
}): Promise<{ entry: FaqEntry; question: UnansweredQuestion; delivered: boolean; deliveryProblem?: string }> {
  const text = answer.trim();
  if (!text)
    throw new AppError("invalid_input", "Write the answer after the question id: `answer <id> <your answer>`.");
  if (text.length > 4000) throw new AppError("invalid_input", "That answer is too long (4,000 characters at most).");
  const question = await findOpenQuestion({ deps, programmeId, idOrPrefix: questionId });
  const entry = await deps.faq.createEntry({
    programmeId,
    key: `${slug(question.question)}-${question.id.slice(-6)}`,
    question: question.question,
    answer: text,
    tags: [],
    source: `staff: ${by.name}`,
    origin: "staff",
  });
  const now = deps.clock.now();
  await deps.faq.markAnswered(question.id, { faqId: entry.id, answeredById: by.id, at: now });
  invalidateFaqIndex(deps, programmeId);

  const delivery = await sendToAsker(deps, question, text);
  await deps.audit.record({
    programmeId,
    actor: by.id,
    action: "faq.answer",
    subject: question.id,
    details: {
      key: entry.key,
      delivered: delivery.delivered,
      ...(delivery.problem ? { problem: delivery.problem } : {}),
    },
  });
  return { entry, question, delivered: delivery.delivered, deliveryProblem: delivery.problem };
}

async function sendToAsker(
  deps: CoreDeps,
  question: UnansweredQuestion,
  answer: string,
): Promise<{ delivered: boolean; problem?: string }> {
  const gateway = deps.gateways[question.platform];
  if (!gateway) return { delivered: false, problem: `${question.platform} is not connected` };
  const target: ChatTarget = question.replyTo ?? {
    platform: question.platform,
    kind: "user",
    externalId: question.askerExternalId,
  };
  const message: Message = {
    summary: `The programme team answered your question: ${answer}`,
    blocks: [
      { type: "text", text: ["You asked: ", { italic: question.question }] },
      { type: "text", text: answer },
      {
        type: "context",
        text: "Answered by the programme team. I'll use this answer for similar questions from now on.",
      },
    ],
  };
  try {
    await gateway.send(target, message);
    return { delivered: true };
  } catch (error) {
    const problem = error instanceof DeliveryError ? error.reason : "the message could not be sent";
    deps.logger.warn({ err: error, questionId: question.id }, "could not send a staff answer to the asker");
    return { delivered: false, problem };
  }
}

/** A readable key from the question's first words: "how-do-i-claim-travel-expenses". */
function slug(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  return (words.join("-").replace(/-+/g, "-").slice(0, 48).replace(/^-|-$/g, "") || "question").replace(
    /^[^a-z0-9]/,
    "q",
  );
}
