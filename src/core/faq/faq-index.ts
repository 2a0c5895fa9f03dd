import MiniSearch from "minisearch";
import type { FaqEntry } from "../ports/faq-repository.js";
import { analyse, isGenericTerm } from "./analyse-text.js";

/** A scored candidate entry. `confidence` (0–1) is how much of the question the entry covers. */
export type FaqMatch = { entry: FaqEntry; score: number; confidence: number };

export type FaqIndex = {
  size: number;
  search(question: string, limit?: number): FaqMatch[];
};

type Doc = { id: string; question: string; alternatives: string; tags: string; answer: string };

/** A question and its alternatives are what people type; tags are curated; the answer text helps least. */
const BOOST = { question: 3, alternatives: 2.5, tags: 2, answer: 1 };
/** Typos in longer words still match ("grnat" is too short to guess; "programe" is not). */
const fuzzy = (term: string) => (term.length >= 6 && !/\d/.test(term) ? 0.2 : false);
/** A fuzzy match counts for less than the word itself when judging how well an entry covers a question. */
const FUZZY_CREDIT = 0.6;

/**
 * BM25 full-text search (MiniSearch) over the active entries, plus a confidence measure BM25 cannot give
 * on its own: the share of the question's information (terms weighted by rarity, unknown words weighing
 * the most) that the best entry matches. "What is the capital of France?" matches nothing it knows;
 * "how much money per team?" matches grant + project, rare words in this small collection.
 */
export function buildFaqIndex(entries: FaqEntry[]): FaqIndex {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const search = new MiniSearch<Doc>({
    fields: ["question", "alternatives", "tags", "answer"],
    tokenize: (text) => [text],
    processTerm: (text) => analyse(text),
    searchOptions: { boost: BOOST, fuzzy, combineWith: "OR" },
  });
  search.addAll(
    entries.map((e) => ({
      id: e.id,
      question: e.question,
      alternatives: e.alternatives.join(" \n "),
      tags: e.tags.join(" \n "),
      answer: e.answer,
    })),
  );

  const documentFrequency = new Map<string, number>();
  for (const e of entries) {
    const terms = new Set(analyse([e.question, ...e.alternatives, ...e.tags, e.answer].join(" \n ")));
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  const n = Math.max(entries.length, 1);
  // Unknown topical words weigh the most (the question is about something the FAQ does not cover);
  // everyday words (known or not) weigh like a word found in every entry.
  const idf = (term: string) =>
    isGenericTerm(term) ? Math.log(2) : Math.log(1 + n / (documentFrequency.get(term) ?? 0.25));

  return {
    size: entries.length,
    search(question, limit = 5) {
      const terms = [...new Set(analyse(question))];
      if (terms.length === 0 || entries.length === 0) return [];
      const weight = new Map(terms.map((t) => [t, idf(t)]));
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const kind = questionKind(question);
      const results = search.search(question);
      const matches = results.slice(0, limit * 2).flatMap((r) => {
        const entry = byId.get(String(r.id));
        if (!entry) return [];
        const exact = new Set(r.terms);
        let covered = 0;
        for (const t of r.queryTerms) covered += (weight.get(t) ?? 0) * (exact.has(t) ? 1 : FUZZY_CREDIT);
        // "Who picked…" and "how many were picked" share their words; the question word tells them apart.
        const sameKind = kind !== null && [entry.question, ...entry.alternatives].some((q) => questionKind(q) === kind);
        return [{ entry, score: r.score * (sameKind ? 1.5 : 1), confidence: total > 0 ? covered / total : 0 }];
      });
      return matches.sort((a, b) => rank(b) - rank(a)).slice(0, limit);
    },
  };
}

/** The kind of answer a question wants, from its question word (stop words to the search itself). */
function questionKind(text: string): string | null {
  const match = /\b(who|when|where|how many|how much|how long|how often|how do|how can)\b/i.exec(text);
  return match?.[1]?.toLowerCase().replace(/how (do|can)/, "how-to") ?? null;
}

/** BM25 finds the closest wording; coverage keeps a long entry that shares one rare word from winning. */
const rank = (m: FaqMatch) => m.score * (0.25 + m.confidence);
