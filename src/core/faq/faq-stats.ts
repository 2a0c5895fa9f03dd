import type { CoreDeps } from "../deps.js";
import type { AskedQuestion } from "../ports/asked-questions.js";
import type { Programme } from "../programme/types.js";
import { REPEAT_WINDOW_DAYS } from "./pass-to-staff.js";
import { sameQuestion } from "./similar-wording.js";

export type EntryUse = {
  key: string;
  question: string;
  active: boolean;
  /** Answered a question straight away. */
  answered: number;
  /** Offered as a "Did you mean…?" button. */
  offered: number;
  /** Pressed from the suggestions: the entry helped, but the question's wording did not find it. */
  picked: number;
  /** answered + picked. */
  used: number;
};

export type UnknownQuestion = { question: string; askedAt: Date; platform: string; passedToStaff: boolean };

export type FaqStats = {
  programme: { slug: string; name: string };
  since: Date | null;
  totals: {
    asked: number;
    answered: number;
    suggested: number;
    picked: number;
    declined: number;
    offTopic: number;
    live: number;
    passedToStaff: number;
  };
  /** Every entry, most used first; entries never used are listed too (candidates to reword or retire). */
  entries: EntryUse[];
  /** In-scope questions that ended in "I don't know", newest first: candidates for new entries. */
  unknown: UnknownQuestion[];
};

/** What the FAQ did with the questions asked in chat: per entry, and the questions it could not answer. */
export async function buildFaqStats(input: {
  deps: Pick<CoreDeps, "asked" | "faq">;
  programme: Programme;
  since?: Date;
}): Promise<FaqStats> {
  const { deps, programme } = input;
  const [everyAsk, entries] = await Promise.all([
    deps.asked.list(programme.id, { since: input.since }),
    deps.faq.listEntries(programme.id, { includeRetired: true }),
  ]);
  const asked = withoutRepeats(everyAsk.filter((q) => q.programmeId === programme.id));
  const uses = new Map<string, EntryUse>();
  const use = (key: string, question = key, active = false) => {
    let u = uses.get(key);
    if (!u) {
      u = { key, question, active, answered: 0, offered: 0, picked: 0, used: 0 };
      uses.set(key, u);
    }
    return u;
  };
  for (const e of entries) use(e.key, e.question, e.active);
  for (const q of asked) {
    if (q.outcome === "answer") for (const k of q.sources) use(k).answered++;
    for (const k of q.suggestions) use(k).offered++;
    if (q.pickedKey) use(q.pickedKey).picked++;
  }
  for (const u of uses.values()) u.used = u.answered + u.picked;
  const count = (pick: (q: AskedQuestion) => boolean) => asked.filter(pick).length;
  return {
    programme: { slug: programme.slug, name: programme.name },
    since: input.since ?? null,
    totals: {
      asked: asked.length,
      answered: count((q) => q.outcome === "answer"),
      suggested: count((q) => q.outcome === "suggest"),
      picked: count((q) => q.pickedKey !== null),
      declined: count((q) => q.outcome === "decline"),
      offTopic: count((q) => q.outcome === "off-topic"),
      live: count((q) => q.outcome === "live"),
      passedToStaff: new Set(asked.flatMap((q) => (q.unansweredId ? [q.unansweredId] : []))).size,
    },
    entries: [...uses.values()].sort((a, b) => b.used - a.used || b.offered - a.offered || a.key.localeCompare(b.key)),
    unknown: asked
      .filter((q) => q.outcome === "decline" || (q.outcome === "suggest" && !q.pickedKey && q.unansweredId !== null))
      .reverse()
      .map((q) => ({
        question: q.question,
        askedAt: q.askedAt,
        platform: q.platform,
        passedToStaff: q.unansweredId !== null,
      })),
  };
}

/**
 * One question per person, however often they ask it: a repeat by the same person (the same queued
 * question, or the same wording within REPEAT_WINDOW_DAYS: similar-wording.ts) counts once, as its latest
 * outcome, keeping a suggestion picked on either. Someone else asking the same thing is another question.
 */
export function withoutRepeats(asked: AskedQuestion[]): AskedQuestion[] {
  const window = REPEAT_WINDOW_DAYS * 86_400_000;
  const byAsker = new Map<string, AskedQuestion[]>();
  const kept: AskedQuestion[] = [];
  for (const q of [...asked].sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())) {
    const asker = `${q.platform}:${q.askerExternalId}`;
    const mine = byAsker.get(asker) ?? [];
    const earlier = mine.find(
      (k) =>
        (q.unansweredId !== null && k.unansweredId === q.unansweredId) ||
        (q.askedAt.getTime() - k.askedAt.getTime() <= window && sameQuestion(k.question, q.question)),
    );
    if (!earlier) {
      const copy = { ...q };
      mine.push(copy);
      kept.push(copy);
    } else {
      const { id, askedAt, question } = earlier;
      Object.assign(earlier, q, {
        id,
        question,
        // The window runs from the latest asking, so a question asked every week stays one.
        askedAt: q.askedAt > askedAt ? q.askedAt : askedAt,
        pickedKey: q.pickedKey ?? earlier.pickedKey,
        unansweredId: q.unansweredId ?? earlier.unansweredId,
      });
    }
    byAsker.set(asker, mine);
  }
  return kept;
}
