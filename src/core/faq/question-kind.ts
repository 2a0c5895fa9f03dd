/**
 * The kind of answer a question wants, from its question word: "who picked them" and "how many were
 * picked" share their content words, and "when is the next bank holiday" is not about the reminders
 * entry that mentions bank holidays. Null when the wording gives no clear kind ("is there a brochure").
 */
export type QuestionKind =
  | "done"
  | "who"
  | "when"
  | "where"
  | "how-many"
  | "how-much"
  | "how-long"
  | "how-often"
  | "how-to"
  | "why";

const PATTERNS: [QuestionKind, RegExp][] = [
  // "Have we submitted…?", "did Sam send ours in?", "is our report in?": whether something was done.
  [
    "done",
    /\b(have|has|did) (we|i|you|they|my \w+|our \w+|\w+) (already |actually |)(done|submit\w*|sen[dt]|filled|complete\w*|get|got|do)\b|\bis (our|ours|my)\b.{0,20}\b(in|done|sent|submitted|still a draft)\b/,
  ],
  ["how-many", /\bhow many\b/],
  ["how-much", /\bhow much\b/],
  ["how-long", /\bhow long\b|\bfor how many months\b/],
  ["how-often", /\bhow often\b|\bhow frequent(ly)?\b/],
  ["how-to", /\bhow (do|can|should|would) (i|we|you)\b|\bhow to\b|\bwhere do i\b/],
  ["who", /\bwho(se|m|'s| is| are| was| were)?\b/],
  ["when", /\bwhen(s|'s)?\b|\bwhat (date|day|month|time)\b|\bwhich month\b|\bby when\b|\buntil when\b/],
  ["where", /\bwhere(s|'s)?\b|\bwhich (parts?|areas?|bits?)\b/],
  ["why", /\bwhy\b/],
];

export function questionKind(text: string): QuestionKind | null {
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'");
  for (const [kind, pattern] of PATTERNS) if (pattern.test(lower)) return kind;
  return null;
}
