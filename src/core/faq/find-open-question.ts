import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { UnansweredQuestion } from "../ports/faq-repository.js";

/** Staff type the short id shown by `unanswered` (its first 8 characters) or the whole id. */
export async function findOpenQuestion({
  deps,
  programmeId,
  idOrPrefix,
}: {
  deps: Pick<CoreDeps, "faq">;
  programmeId: string;
  idOrPrefix: string;
}): Promise<UnansweredQuestion> {
  const wanted = idOrPrefix.trim();
  if (wanted.length < 4) throw new AppError("invalid_input", "Give the question's id as shown by `unanswered`.");
  const open = await deps.faq.listUnanswered(programmeId, { status: "open" });
  const matches = open.filter((q) => q.id === wanted || q.id.startsWith(wanted));
  if (matches.length > 1)
    throw new AppError("invalid_input", `More than one open question starts with “${wanted}”: give more of the id.`);
  const [match] = matches;
  if (match) return match;
  // Closed already (answered, or dismissed: a second press of a button) — say so, by whole id or short id.
  const closed =
    (await deps.faq.getUnanswered(wanted)) ??
    (await Promise.all([
      deps.faq.listUnanswered(programmeId, { status: "answered" }),
      deps.faq.listUnanswered(programmeId, { status: "dismissed" }),
    ]).then((lists) => lists.flat().find((q) => q.id.startsWith(wanted)) ?? null));
  if (closed && closed.programmeId === programmeId)
    throw new AppError(
      "conflict",
      closed.status === "dismissed" ? "That question was dismissed." : "That question has already been answered.",
    );
  throw new AppError("not_found", `There is no open question “${wanted}”. Use \`unanswered\` to see them.`);
}
