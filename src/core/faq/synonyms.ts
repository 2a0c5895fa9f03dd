/**
 * Words people use interchangeably when asking about a cohort programme. Each group folds to its first
 * word after stemming, in the index and in the question alike, so "money" finds an entry that says
 * "grant". Keep groups narrow: folding words that distinguish two entries makes both worse.
 */
export const SYNONYM_GROUPS: string[][] = [
  [
    "grant",
    "funding",
    "fund",
    "funded",
    "funds",
    "money",
    "cash",
    "award",
    "awarded",
    "finance",
    "financial",
    "budget",
    "worth",
    "dosh",
  ],
  ["coaching", "coach", "coaches", "mentoring", "mentor"],
  ["deadline", "due", "cutoff"],
  ["total", "altogether", "combined", "sum"],
  ["start", "begin", "beginning", "began", "commence", "launch", "kickoff"],
  ["end", "finish", "finished", "conclude", "over", "wrapup"],
  ["project", "team", "teams"],
  ["programme", "program", "scheme", "initiative"],
  [
    "select",
    "selected",
    "chosen",
    "choose",
    "chose",
    "pick",
    "picked",
    "successful",
    "shortlisted",
    "winning",
    "winner",
    "winners",
  ],
  ["apply", "application", "applications", "applicant", "applicants", "applied", "bid", "bids"],
  ["training", "train", "trained", "teach", "taught", "course"],
  ["result", "outcome", "findings", "finding"],
  ["duration", "long", "length"],
  ["organisation", "organization", "organiser", "organizer", "organise", "organize", "organisations"],
  ["chair", "chairs", "chairman", "chairwoman", "chairperson", "head", "heads"],
  ["remind", "reminder", "nudge", "notification", "alert"],
  ["update", "report", "return"],
  ["workshop", "webinar"],
  ["deliver", "delivery", "delivering", "delivered", "delivers"],
];

/**
 * Phrases rewritten before splitting into words: amounts in every spelling, and multi-word names that
 * mean one thing. Order matters (longer amounts first).
 */
export const PHRASES: [RegExp, string][] = [
  [/£?\s?120[,.\s]?000\b|£?\b120\s?k\b|\bhundred and twenty thousand\b/gi, " amount120k "],
  [/£?\s?10[,.\s]?000\b|£?\b10\s?k\b|\bten thousand\b|\b(ten|10) grand\b/gi, " amount10k "],
  [/\bquality[-\s]improvement\b/gi, " qi "],
  [/\bclinical commissioning group\b/gi, " ccg "],
  [/\bnorth[-\s]east london\b/gi, " nel "],
  [/\bkick[-\s]?off\b/gi, " kickoff "],
  [/\bwrap(ping)?[-\s]up\b/gi, " wrapup "],
  [/\bsp\b/gi, " social prescribing "],
  [/\bsix\b/gi, " 6 "],
  [/\btwelve\b/gi, " 12 "],
  [/\bhow long\b/gi, " duration "],
  // "How we're getting on" is British for progress.
  [
    /\bhow (are |is )?(we|we're|they|they're|it|it's|things|(the )?projects)( are| is)? (getting on|going|doing)\b/gi,
    " progress ",
  ],
  [/\b(once a|every|each|per) month\b/gi, " monthly "],
];

/**
 * Chat spellings and abbreviations, read as the words they stand for before stemming ("wat r the
 * dates" → "what are the dates"; "lws" → "link workers"). Whole words only.
 */
export const CHAT_SPELLINGS = new Map<string, string[]>(
  Object.entries({
    wat: ["what"],
    wht: ["what"],
    whens: ["when"],
    wheres: ["where"],
    r: ["are"],
    u: ["you"],
    ur: ["your"],
    n: ["and"],
    pls: ["please"],
    plz: ["please"],
    thru: ["through"],
    ppl: ["people"],
    abt: ["about"],
    tmrw: ["tomorrow"],
    sesh: ["session"],
    apps: ["applications"],
    lw: ["link", "worker"],
    lws: ["link", "workers"],
  }),
);
