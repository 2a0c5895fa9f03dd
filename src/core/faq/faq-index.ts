import MiniSearch from "minisearch";
import type { FaqEntry } from "../ports/faq-repository.js";
import { analyse, isGenericTerm } from "./analyse-text.js";
import { type QuestionKind, questionKind } from "./question-kind.js";

/**
 * How one entry matches a question, as numbers the calibrated score (match-score.ts) weighs. Shares are
 * rarity-weighted (a word in few entries counts more; a word the FAQ never uses counts the most).
 */
export type MatchFeatures = {
  /** Share of the question the entry matches anywhere (question, alternatives, tags, answer). */
  coverage: number;
  /** Share of the question matched by the entry's single closest wording (its question or an alternative). */
  wordingCoverage: number;
  /** Share of that closest wording the question matches: low when the entry is about something more. */
  wordingRecall: number;
  /** 1 when the question word (who / when / how many…) matches one of the entry's wordings, 0 when it
   *  contradicts them all, 0.5 when the question has no clear kind. */
  kindAgrees: number;
  /** The weight of the rarest question word the entry does not match, over the most a word can weigh. */
  missingRare: number;
  /** The weight of all question words the entry does not match, in units of the most a word can weigh. */
  missingWeight: number;
  /** Pairs of adjacent question words found together in the closest wording (0, 0.5 for one, 1 for two or more). */
  pairs: number;
  /** BM25 of the entry, over the best entry's. */
  relativeScore: number;
};

/** A scored candidate entry. `confidence` (0–1) is set by the caller's calibrated score. */
export type FaqMatch = { entry: FaqEntry; score: number; confidence: number; features: MatchFeatures };

export type FaqIndex = {
  size: number;
  /** Candidate entries for a question, best BM25 first, with their features (confidence 0 until scored). */
  candidates(question: string, limit?: number): FaqMatch[];
  /** The question's words that the FAQ uses, everyday words aside: none means it is not about the programme. */
  programmeWords(question: string): string[];
  /** The question's words the FAQ never uses, everyday words aside ("weather", "dentist", "pizza"). */
  foreignWords(question: string): string[];
};

type Doc = { id: number; text: string };
type DocInfo = {
  entry: number;
  kind: "wording" | "tags" | "answer";
  text: string;
  terms: string[];
  sequence: string[];
  questionKind: QuestionKind | null;
};

/** What people type looks like a question or an alternative; tags are curated; the answer helps least. */
const DOC_BOOST = { wording: 1, tags: 0.8, answer: 0.4 };
/** Typos in longer words still match ("grnat" is too short to guess; "programe" is not). */
const fuzzy = (term: string) => (term.length >= 6 && !/\d/.test(term) ? 0.2 : false);
/** A fuzzy match counts for less than the word itself. */
const FUZZY_CREDIT = 0.6;

/**
 * BM25 full-text search (MiniSearch) over every wording of the active entries — each question,
 * alternative, tag list and answer is its own document — plus the match features BM25 cannot give on
 * its own: how much of the question an entry covers, and how closely one of its wordings fits.
 */
export function buildFaqIndex(entries: FaqEntry[]): FaqIndex {
  const docs: DocInfo[] = [];
  const add = (entry: number, kind: DocInfo["kind"], text: string) =>
    docs.push({
      entry,
      kind,
      text,
      terms: [...new Set(analyse(text))],
      sequence: analyse(text),
      questionKind: kind === "wording" ? questionKind(text) : null,
    });
  entries.forEach((e, i) => {
    for (const wording of [e.question, ...e.alternatives]) add(i, "wording", wording);
    add(i, "tags", e.tags.join(" \n "));
    add(i, "answer", e.answer);
  });
  const search = new MiniSearch<Doc>({
    fields: ["text"],
    tokenize: (text) => [text],
    processTerm: (text) => analyse(text),
    searchOptions: { fuzzy, combineWith: "OR" },
  });
  search.addAll(docs.map((d, id) => ({ id, text: d.text })));

  const documentFrequency = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const terms = new Set(docs.filter((d) => d.entry === i).flatMap((d) => d.terms));
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  const n = Math.max(entries.length, 1);
  const unknownWeight = Math.log(1 + n / 0.25);
  // Unknown topical words weigh the most (the question is about something the FAQ does not cover);
  // everyday words (known or not) weigh like a word found in every entry.
  const idf = (term: string) =>
    isGenericTerm(term) ? Math.log(2) : Math.log(1 + n / (documentFrequency.get(term) ?? 0.25));

  return {
    size: entries.length,
    programmeWords(question) {
      return [...new Set(analyse(question))].filter((t) => documentFrequency.has(t) && !isGenericTerm(t));
    },
    foreignWords(question) {
      return [...new Set(analyse(question))].filter((t) => !documentFrequency.has(t) && !isGenericTerm(t));
    },
    candidates(question, limit = 8) {
      const sequence = analyse(question);
      const terms = [...new Set(sequence)];
      if (terms.length === 0 || entries.length === 0) return [];
      const questionPairs = pairsOf(sequence);
      const weight = new Map(terms.map((t) => [t, idf(t)]));
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const kind = questionKind(question);
      const byEntry = new Map<number, { score: number; credit: Map<string, number>; wordings: WordingMatch[] }>();
      for (const r of search.search(question, {
        boostDocument: (id) => DOC_BOOST[docs[Number(id)]?.kind ?? "answer"],
      })) {
        const doc = docs[Number(r.id)];
        if (!doc) continue;
        const hit = byEntry.get(doc.entry) ?? {
          score: 0,
          credit: new Map<string, number>(),
          wordings: [] as WordingMatch[],
        };
        hit.score += r.score;
        const exact = new Set(r.terms);
        const credit = new Map(r.queryTerms.map((t) => [t, exact.has(t) ? 1 : FUZZY_CREDIT]));
        for (const [t, c] of credit) hit.credit.set(t, Math.max(hit.credit.get(t) ?? 0, c));
        if (doc.kind === "wording") hit.wordings.push({ doc, credit, matchedDocTerms: new Set(r.terms) });
        byEntry.set(doc.entry, hit);
      }
      const bestScore = Math.max(0, ...[...byEntry.values()].map((h) => h.score));
      const share = (credit: Map<string, number>) =>
        total > 0 ? [...credit].reduce((sum, [t, c]) => sum + (weight.get(t) ?? 0) * c, 0) / total : 0;
      const matches = [...byEntry].map(([i, hit]): FaqMatch => {
        const entry = entries[i] as FaqEntry;
        const best = bestWording(hit.wordings, share, idf, questionPairs);
        const kinds = docs.filter((d) => d.entry === i && d.kind === "wording").map((d) => d.questionKind);
        const missing = terms.filter((t) => !hit.credit.has(t)).map((t) => weight.get(t) ?? 0);
        return {
          entry,
          score: hit.score,
          confidence: 0,
          features: {
            coverage: share(hit.credit),
            wordingCoverage: best.coverage,
            wordingRecall: best.recall,
            kindAgrees: kind === null ? 0.5 : kinds.includes(kind) ? 1 : 0,
            missingRare: Math.max(0, ...missing) / unknownWeight,
            missingWeight: missing.reduce((a, b) => a + b, 0) / unknownWeight,
            pairs: Math.min(best.pairs, 2) / 2,
            relativeScore: bestScore > 0 ? hit.score / bestScore : 0,
          },
        };
      });
      return matches.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

type WordingMatch = { doc: DocInfo; credit: Map<string, number>; matchedDocTerms: Set<string> };

/** The wording that best fits both ways: covers the question and is covered by it. */
function bestWording(
  wordings: WordingMatch[],
  share: (credit: Map<string, number>) => number,
  idf: (term: string) => number,
  questionPairs: Set<string>,
): { coverage: number; recall: number; pairs: number } {
  let best = { coverage: 0, recall: 0, fit: -1, pairs: 0 };
  for (const w of wordings) {
    const coverage = share(w.credit);
    const docTotal = w.doc.terms.reduce((sum, t) => sum + idf(t), 0);
    const matched = w.doc.terms.filter((t) => w.matchedDocTerms.has(t)).reduce((sum, t) => sum + idf(t), 0);
    const recall = docTotal > 0 ? matched / docTotal : 0;
    const fit = coverage + recall > 0 ? (2 * coverage * recall) / (coverage + recall) : 0;
    const pairs = [...pairsOf(w.doc.sequence)].filter((p) => questionPairs.has(p)).length;
    if (fit > best.fit) best = { coverage, recall, fit, pairs };
  }
  return best;
}

/** Adjacent search terms ("monthly update", "update deadline"): a shared pair is closer than two shared words. */
function pairsOf(terms: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}
