import type { CoreDeps } from "../deps.js";
import type { AskedQuestion } from "../ports/asked-questions.js";
import type { Programme } from "../programme/types.js";

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
  const [asked, entries] = await Promise.all([
    deps.asked.list(programme.id, { since: input.since }),
    deps.faq.listEntries(programme.id, { includeRetired: true }),
  ]);
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
      passedToStaff: count((q) => q.unansweredId !== null),
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
