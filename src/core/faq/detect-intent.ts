/**
 * Questions whose answer is the asker's own team's live data, not FAQ text: "who is our coach?",
 * "when is our next workshop?", "have we submitted?", "how much of our grant have we spent?". They are
 * answered from the data (live-answers.ts), so the reply is the team's real coach, date or figure.
 * Every pattern needs a word that points at the asker's team (our, we, us, my) or at "next", so general
 * questions ("how often do we have coaching?", "when is the monthly update due?") still go to the FAQ.
 */
export type Intent =
  | "coach"
  | "next"
  | "next-session"
  | "next-workshop"
  | "next-milestone"
  | "due"
  | "submitted"
  | "spend"
  | "staff-reply";

const WE = "(?:we|us|our|ours|my team|my team's|our team|our team's|i|my|me)";

const PATTERNS: [Intent, RegExp][] = [
  [
    "staff-reply",
    new RegExp(
      String.raw`\b(staff|programme team|program team|team|they|anyone)\b.{0,30}\b(said|say|reply|replied|answer|answered|respond|responded|get back)\b.{0,30}\b${WE}\b.{0,15}\b(last |latest |previous )?question`,
      "i",
    ),
  ],
  [
    "staff-reply",
    new RegExp(String.raw`\b(answer|reply|response)s? to ${WE}\b.{0,15}\b(last |latest |previous )?question`, "i"),
  ],
  [
    "staff-reply",
    new RegExp(
      String.raw`\b(has|have|did) (anyone|staff|the programme team|they)\b.{0,20}\b(answer|answered|reply|replied|respond|responded)\b.{0,20}\b${WE}\b`,
      "i",
    ),
  ],
  [
    "staff-reply",
    /\b(any|an) (answer|reply|response|news|word)\b.{0,30}\b(my|our) (last |latest |previous )?question\b/i,
  ],
  ["staff-reply", /\b(got|get|gotten|come) back to (me|us)\b.{0,30}\bquestion\b/i],
  ["staff-reply", /\b(answer|reply|response) to the question (i|we) (asked|sent)\b/i],
  [
    "coach",
    new RegExp(
      String.raw`\b(who(?:'s|’s|s| is| are)?|name of|contact|email|reach)\b.{0,25}\b${WE}\b.{0,20}\b(qi |quality improvement )?coach(es)?\b`,
      "i",
    ),
  ],
  ["coach", new RegExp(String.raw`\bwho\b.{0,20}\b(coach(es|ing)?|mentors?|supports?)\b.{0,10}\b${WE}\b`, "i")],
  [
    "coach",
    new RegExp(String.raw`\b${WE} (qi |quality improvement )?coach'?s?\b.{0,15}\b(name|email|contact|details)\b`, "i"),
  ],
  ["next-workshop", /\b(next|upcoming)\b.{0,25}\b(workshop|training|webinar|learning event|event)s?\b/i],
  [
    "next-workshop",
    /\bwhen(?:'s| is| are)\b.{0,20}\b(the )?(next )?(workshop|training day|webinar)s?\b.{0,15}\bnext\b/i,
  ],
  ["next-milestone", /\b(next|upcoming)\b.{0,25}\b(milestone|deliverable)s?\b/i],
  ["next-session", /\b(next|upcoming)\b.{0,30}\b(session|coaching|meeting|call)s?\b/i],
  ["next-session", /\b(session|coaching|meeting)s?\b.{0,20}\bnext\b/i],
  ["next-session", /\bwhen\b.{0,30}\b(do|will|are) we\b.{0,20}\b(meet|see|have)\b.{0,30}\b(coach|coaching|session)/i],
  ["next", /\b(upcoming|coming up)\b.{0,30}\b(session|coaching|workshop|milestone)s?\b/i],
  ["next", /\bwhat'?s (coming )?up next\b|\bwhat'?s next for (us|our team|me)\b/i],
  [
    "spend",
    new RegExp(String.raw`\bhow much\b.{0,30}\b(have|has|did) ${WE}\b.{0,20}\b(spent|spend|used|reported)\b`, "i"),
  ],
  [
    "spend",
    new RegExp(
      String.raw`\bhow much\b.{0,30}\b(of )?${WE}\b.{0,20}\b(grant|award|funding|budget|money)\b.{0,30}\b(spent|used|left|remaining|remain)\b`,
      "i",
    ),
  ],
  ["spend", /\b(our|my team'?s?|our team'?s?) (spend|spending|underspend|overspend|burn rate)\b/i],
  ["spend", new RegExp(String.raw`\b(have|did) ${WE} (overspent|underspent)\b`, "i")],
  [
    "spend",
    new RegExp(
      String.raw`\bhow much\b.{0,20}\b(grant|award|funding|budget|money)\b.{0,20}\b(do|have) ${WE}\b.{0,10}\b(left|remaining)\b`,
      "i",
    ),
  ],
  [
    "submitted",
    /\b(have|did|has) (we|i|my team|our team|anyone|someone|my colleague)\b.{0,30}\b(submit|submitted|send|sent|done|filled|complete|completed)\b/i,
  ],
  ["submitted", /\bis our (monthly )?(update|report)\b.{0,10}\b(in|done|submitted|sent|late)\b/i],
  ["submitted", /\b(our|my team'?s?) (status|progress status)\b/i],
  [
    "due",
    /\bwhat(?:'s| is| do we have| have we got)\b.{0,20}\b(due|outstanding|left to do)\b.{0,20}\b(this|for this|now)\b/i,
  ],
  ["due", /\bwhat'?s (due|outstanding)\b(?!.{0,30}\b(date|day)\b)/i],
  ["due", new RegExp(String.raw`\bwhat\b.{0,15}\b${WE}\b.{0,15}\b(due|owe|need to (hand|send|submit))\b`, "i")],
  ["due", new RegExp(String.raw`\bwhen\b.{0,15}\b${WE}\b.{0,10}\b(update|report)\b.{0,10}\bdue\b`, "i")],
  ["due", new RegExp(String.raw`\bwhen (do|does|must|should) ${WE}\b.{0,25}\b(submit|send|hand in|file)\b`, "i")],
];

/**
 * A question about what the grant may be spent on ("can we spend the grant on laptops?", "is a laptop an
 * eligible cost?", "what can we use our grant for?") is policy, for the FAQ or staff: the team's reported
 * spend would be a confident answer to a question nobody asked. So is one about spend *on* something in
 * particular ("how much have we spent on travel?"): the live figure is the total, not that.
 */
const SPEND_POLICY = new RegExp(
  [
    String.raw`\b(can|could|may|might|should|must|allowed|permitted|eligible|eligibility|ineligible|ok|okay|able)\b`,
    String.raw`\b(rules?|guidance|policy|criteria|restrictions?|receipts?|invoices?|evidence)\b`,
    String.raw`\bwhat (is|are|was)? ?(it|the \w+|our \w+)? ?(for|meant)\b`,
    String.raw`\b(spen[dt]|use[ds]?|using)\b.{0,25}\b(on|for|towards)\b(?! (so far|to date|now|yet|already)\b)`,
    String.raw`\b(pay|paying|cover|covering|buy|buying|fund|funding) (for )?(a|an|the|some|any|our|staff|their|new)\b`,
  ].join("|"),
  "i",
);

/** "How do I check…", "how can we see…": how to do it, which the FAQ's how-to entries answer. */
const HOW_TO = /\bhow (do|can|could|would|should) (i|we|you|one)\b/i;

export function detectIntent(question: string): Intent | null {
  if (HOW_TO.test(question) && !/\b(say|said|answer(ed)?|repl(y|ied))\b/i.test(question)) return null;
  for (const [intent, pattern] of PATTERNS) {
    if (!pattern.test(question)) continue;
    if (intent === "spend" && SPEND_POLICY.test(question)) continue;
    return intent;
  }
  return null;
}
