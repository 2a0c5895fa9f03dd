import type { CoreDeps } from "../deps.js";
import type { FaqRepository } from "../ports/faq-repository.js";
import { buildFaqIndex, type FaqIndex } from "./faq-index.js";

/**
 * Building the index takes a few milliseconds; answering from it well under one. It is kept per
 * repository (so tests with their own database never share one) and per programme, rebuilt when this
 * process changes an entry, and at most MAX_AGE_MS old when another process (the CLI importing a
 * programme file) changed the database.
 */
const MAX_AGE_MS = 60_000;

type Cached = { index: Promise<FaqIndex>; builtAt: number };
const caches = new WeakMap<FaqRepository, Map<string, Cached>>();

export function getFaqIndex(deps: Pick<CoreDeps, "faq" | "clock">, programmeId: string): Promise<FaqIndex> {
  let byProgramme = caches.get(deps.faq);
  if (!byProgramme) {
    byProgramme = new Map();
    caches.set(deps.faq, byProgramme);
  }
  const now = deps.clock.now().getTime();
  const cached = byProgramme.get(programmeId);
  if (cached && Math.abs(now - cached.builtAt) < MAX_AGE_MS) return cached.index;
  const index = deps.faq.listEntries(programmeId).then(buildFaqIndex);
  byProgramme.set(programmeId, { index, builtAt: now });
  // A failed load must not be cached.
  index.catch(() => byProgramme.delete(programmeId));
  return index;
}

/** Call after any change to a programme's entries. */
export function invalidateFaqIndex(deps: Pick<CoreDeps, "faq">, programmeId: string): void {
  caches.get(deps.faq)?.delete(programmeId);
}
