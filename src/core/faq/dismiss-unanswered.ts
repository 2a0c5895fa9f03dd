import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { UnansweredQuestion } from "../ports/faq-repository.js";
import { findOpenQuestion } from "./find-open-question.js";

/**
 * Staff close a queued question that is noise ("test", a question asked by mistake): it leaves the open
 * queue, nothing is sent to the asker and no FAQ entry is made. Audited as `faq.dismiss`. Staff-only is
 * checked by the command and the button (run-command.ts); the CLI is staff by definition.
 */
export async function dismissUnanswered({
  deps,
  programmeId,
  questionId,
  by,
}: {
  deps: Pick<CoreDeps, "faq" | "audit" | "clock">;
  programmeId: string;
  questionId: string;
  by: { id: string; name: string };
}): Promise<UnansweredQuestion> {
  const question = await findOpenQuestion({ deps, programmeId, idOrPrefix: questionId });
  const dismissed = await deps.faq.markDismissed(question.id, { byId: by.id, at: deps.clock.now() });
  // Answered or dismissed by someone else between the look-up and now.
  if (!dismissed) throw new AppError("conflict", "That question is no longer open: someone answered or dismissed it.");
  await deps.audit.record({ programmeId, actor: by.id, action: "faq.dismiss", subject: question.id, details: {} });
  return question;
}
