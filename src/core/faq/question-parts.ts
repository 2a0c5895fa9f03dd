/**
 * Splits a question that asks two things ("when does it start and finish?", "how much is the grant and
 * what can we spend it on") into its parts, so each can be answered from its own entry. A part that is
 * only a word or two borrows the question words of the part before it ("finish" → "when does it
 * finish"). Text that does not look like two questions comes back whole.
 */
const QUESTION_START =
  /^(when|whens|what|whats|wat|who|whos|whom|where|wheres|why|which|how|is|are|can|could|do|does|did|will|would|should|has|have|was|were|any|if)\b/;

/** "and" / "&" / "+" / "also" / "plus" between clauses, and a question mark with more after it. */
const JOINERS = /\s*\?\s+(?=\S)|\s*[;]\s*|\s*,?\s+(?:and|&|\+|n|also|plus|as well as)\s+/gi;

const MAX_PARTS = 3;

export function questionParts(question: string): string[] {
  const text = question.trim().replace(/\s+/g, " ");
  const pieces = text.split(JOINERS).map((p) => p.trim().replace(/^(and|also|plus)\s+/i, ""));
  if (pieces.length < 2) return [text];
  const parts: string[] = [];
  for (const piece of pieces) {
    const words = piece
      .toLowerCase()
      .replace(/[^a-z0-9' ]/g, "")
      .split(" ")
      .filter(Boolean);
    const previous = parts[parts.length - 1];
    if (words.length === 0) continue;
    if (QUESTION_START.test(words.join(" ")) || previous === undefined) {
      parts.push(piece);
    } else if (words.length <= 2) {
      // "start and finish": borrow "when does it" from "when does it start".
      parts.push(`${previous.split(" ").slice(0, -words.length).join(" ")} ${piece}`.trim());
    } else {
      // Not a new question ("recruiting and retaining link workers"): keep it with the part before.
      parts[parts.length - 1] = `${previous} and ${piece}`;
    }
  }
  return parts.length > MAX_PARTS ? [text] : parts;
}
