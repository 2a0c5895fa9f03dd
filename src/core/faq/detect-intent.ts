/**
 * Questions whose answer is live data, not FAQ text: they go to the command that already answers them,
 * so "when is our next coaching session?" gives the real date, not instructions.
 */
export type Intent = "next" | "status";

const PATTERNS: [Intent, RegExp][] = [
  ["next", /\bnext\b.{0,40}\b(session|coaching|workshop|meeting|call|coach|milestone)s?\b/i],
  ["next", /\b(session|coaching|workshop|meeting)s?\b.{0,20}\bnext\b/i],
  ["next", /\bwhen\b.{0,30}\b(do|will|are) we\b.{0,20}\b(meet|see|have)\b.{0,30}\b(coach|coaching|session|workshop)/i],
  ["next", /\b(upcoming|coming up)\b.{0,30}\b(session|coaching|workshop|milestone)s?\b/i],
  ["next", /\bwhat'?s (coming )?up next\b|\bwhat'?s next for (us|our team|me)\b/i],
  [
    "status",
    /\b(have|did|has) (we|i|my team|our team|anyone|someone|my colleague)\b.{0,30}\b(submit|submitted|send|sent|done|filled|complete|completed)\b/i,
  ],
  [
    "status",
    /\bwhat(?:'s| is| do we have| have we got)\b.{0,20}\b(due|outstanding|left to do)\b.{0,20}\b(this|for this|now)\b/i,
  ],
  ["status", /\bwhat'?s (due|outstanding)\b(?!.{0,30}\b(date|day)\b)/i],
  ["status", /\bis our (monthly )?(update|report)\b.{0,10}\b(in|done|submitted|sent|late)\b/i],
  ["status", /\b(our|my team'?s?) (status|progress status)\b/i],
];

export function detectIntent(question: string): Intent | null {
  for (const [intent, pattern] of PATTERNS) if (pattern.test(question)) return intent;
  return null;
}
