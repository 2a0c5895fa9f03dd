/**
 * Whether two questions say the same thing in slightly different words — "How do I claim parking
 * expenses?" and "how can I claim for parking" — so a person repeating themselves is not queued for
 * staff twice. Deliberately simple and independent of the answerer's own text analysis: content words,
 * crude plural/tense folding, and the share of words the two have in common (Jaccard ≥ 0.6).
 */
export const SAME_QUESTION_OVERLAP = 0.6;

const STOP = new Set(
  (
    "a an and are as at be but by can could did do does for from get got has have how i if in is it its me my " +
    "of on or our please should so the their them there they this to us was we what when where which who why " +
    "will with would you your any anyone about just hi hello thanks thank ok okay"
  ).split(" "),
);

export function contentWords(text: string): Set<string> {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/'s$|'/g, ""))
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(fold);
  return new Set(words);
}

function fold(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("es")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export function sameQuestion(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 || y.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared) >= SAME_QUESTION_OVERLAP;
}
