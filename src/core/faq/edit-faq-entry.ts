import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { FaqEntry } from "../ports/faq-repository.js";
import { invalidateFaqIndex } from "./faq-index-cache.js";

/** Staff change an entry's answer (`faq edit <key> <answer>`). Audited with the old answer. */
export async function editFaqEntry(input: {
  deps: CoreDeps;
  programmeId: string;
  key: string;
  answer: string;
  by: string;
}): Promise<FaqEntry> {
  const { deps, programmeId, key, by } = input;
  const answer = input.answer.trim();
  if (!answer) throw new AppError("invalid_input", "Write the new answer after the key: `faq edit <key> <answer>`.");
  if (answer.length > 4000) throw new AppError("invalid_input", "That answer is too long (4,000 characters at most).");
  const entry = await requireEntry(deps, programmeId, key);
  const updated = await deps.faq.updateEntry(entry.id, { answer, active: true });
  invalidateFaqIndex(deps, programmeId);
  await deps.audit.record({
    programmeId,
    actor: by,
    action: "faq.edit",
    subject: entry.key,
    details: { before: entry.answer, after: answer },
  });
  return updated;
}

/** Staff stop the bot using an entry (`faq retire <key>`). Kept for the record, never deleted. */
export async function retireFaqEntry(input: {
  deps: CoreDeps;
  programmeId: string;
  key: string;
  by: string;
}): Promise<FaqEntry> {
  const { deps, programmeId, key, by } = input;
  const entry = await requireEntry(deps, programmeId, key);
  if (!entry.active) throw new AppError("conflict", `The FAQ entry “${entry.key}” is already retired.`);
  const updated = await deps.faq.updateEntry(entry.id, { active: false });
  invalidateFaqIndex(deps, programmeId);
  await deps.audit.record({ programmeId, actor: by, action: "faq.retire", subject: entry.key });
  return updated;
}

async function requireEntry(deps: CoreDeps, programmeId: string, key: string): Promise<FaqEntry> {
  const entry = key.trim() ? await deps.faq.getEntry(programmeId, key.trim()) : null;
  if (!entry)
    throw new AppError("not_found", `There is no FAQ entry “${key.trim()}”. Use \`faq list\` to see the keys.`);
  return entry;
}
