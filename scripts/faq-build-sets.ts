/**
 * Builds test/fixtures/faq/dev.json and test.json from the writers' wordings:
 * `tsx scripts/faq-build-sets.ts <wordings-a.json> <wordings-b.json> ...`.
 * Run once when wordings are added; the fixtures are committed, so nothing here runs in tests.
 *
 * - Label fixes (WIDEN, RELABEL) are applied first and recorded on the case (`fix`), so a reviewer can see
 *   every label that differs from what its writer wrote.
 * - Exact duplicates across writers (same words, ignoring case and punctuation) are kept once.
 * - The split is stratified and deterministic: cases are grouped by kind (one-part questions by the
 *   entry they are about, multi-part, no-entry, off-topic), ordered by a hash of the question, and dealt
 *   alternately to dev and test, so every entry appears in both sets.
 * - The older sets (test/fixtures/faq/paraphrases.json, ../shared/faq-dev-set.json) were relabelled
 *   with entry keys and go to dev only (LEGACY_CASES).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FaqCase, FaqSet } from "./faq-eval-set.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const files = process.argv.slice(2);
if (files.length === 0) throw new Error("usage: tsx scripts/faq-build-sets.ts <wordings.json> ...");

/** Entries that answer the same fact, as the writers listed them (used for the relabelled legacy sets). */
const GRANT = [
  "grant-per-project",
  "total-funding",
  "what-support-do-we-get",
  "what-is-the-programme",
  "what-is-the-grant-for",
];
const HOW_MANY = [
  "how-many-projects",
  "total-funding",
  "is-it-a-pilot",
  "what-does-sp-mean",
  "where-are-the-projects",
  "applications-closed",
];
const DURATION = [
  "support-duration",
  "programme-start",
  "key-dates",
  "what-support-do-we-get",
  "what-is-the-programme",
  "qi-training",
  "grant-per-project",
];
const START = ["programme-start", "key-dates", "support-duration"];
const END = ["programme-end", "key-dates", "support-duration", "programme-start", "progress-along-the-way"];
const QI = ["qi-training", "what-support-do-we-get", "grant-per-project"];
const RUNS = ["who-runs-the-programme", "what-is-the-programme", "is-it-a-pilot", "what-does-sp-mean"];
const CLOSED = ["applications-closed", "applications-opened"];

/**
 * Label corrections after review (of every case, before the split). Writers disagreed on which entries
 * state a fact: where one listed only the main entry and the others also listed entries whose answer
 * states the same fact, the shorter list is widened (`add` to part `part`, default 0).
 */
const WIDEN: { ids: string[]; part?: number; add: string[]; why: string }[] = [
  {
    ids: ["a003", "a005", "b003", "b004", "b005", "b112"],
    add: RUNS,
    why: "is-it-a-pilot and what-does-sp-mean also say Healthy London Partnership runs it",
  },
  { ids: ["a126"], part: 1, add: RUNS, why: "is-it-a-pilot and what-does-sp-mean also say who runs it" },
  {
    ids: ["a014", "a015", "a016", "a017"],
    add: GRANT,
    why: "what-support-do-we-get, what-is-the-programme and what-is-the-grant-for also state up to £10,000 per project",
  },
  { ids: ["a121"], add: GRANT, why: "other entries also state up to £10,000 per project" },
  { ids: ["a131"], part: 1, add: GRANT, why: "other entries also state up to £10,000 per project" },
  {
    ids: ["a030", "a031", "a032", "b029", "b030"],
    add: DURATION,
    why: "key-dates, what-support-do-we-get, what-is-the-programme, qi-training and grant-per-project also state six months",
  },
  { ids: ["a120", "b110", "b130"], part: 1, add: DURATION, why: "other entries also state six months" },
  {
    ids: ["a041", "a042", "a043", "a124", "b040", "b041", "b114"],
    add: HOW_MANY,
    why: "total-funding, is-it-a-pilot, what-does-sp-mean, where-are-the-projects, applications-closed also state 12 projects",
  },
  {
    ids: ["a053", "a054", "a055", "b050", "b051", "b131"],
    add: END,
    why: "progress-along-the-way also says the programme runs through to March 2023",
  },
  {
    ids: ["a027", "b023", "b024", "b025", "b027", "b028"],
    add: ["grant-per-project"],
    why: "grant-per-project says the grant comes with six months of QI training, coaching and support",
  },
];

/** Whole relabels: writer id (file letter + index) → new label and why. */
const RELABEL: Record<string, { entries: string[][]; offTopic?: boolean; why: string }> = {
  c179: {
    entries: [GRANT],
    why: "own-team question labelled with the generic entry, as the brief asks and as a017/b108 (same question) are",
  },
};

function applyFixes(c: FaqCase): FaqCase {
  const from = c.from ?? "";
  const relabel = RELABEL[from];
  if (relabel) {
    const { offTopic: _, ...rest } = c;
    return {
      ...rest,
      entries: relabel.entries,
      ...(relabel.offTopic === undefined ? {} : { offTopic: relabel.offTopic }),
      fix: relabel.why,
    };
  }
  const widen = WIDEN.find((w) => w.ids.includes(from));
  if (!widen) return c;
  const part = widen.part ?? 0;
  const entries = c.entries.map((keys, i) => (i === part ? [...new Set([...keys, ...widen.add])] : keys));
  return { ...c, entries, fix: widen.why };
}

const off = (question: string): FaqCase => ({ question, entries: [], offTopic: true, style: "off-topic" });
const one = (question: string, keys: string[], style = "legacy"): FaqCase => ({ question, entries: [keys], style });
const LEGACY_CASES: { from: string; cases: FaqCase[] }[] = [
  {
    from: "paraphrases",
    cases: [
      one("how big is the grant each team gets", GRANT),
      one("Is it 10k per project?", GRANT),
      one("what's the most funding one project can get", GRANT),
      one("How much cash do we receive?", GRANT),
      one("what is the total pot for all twelve projects", ["total-funding"]),
      one("How much is the programme worth in total?", ["total-funding"]),
      one("How many teams are in the cohort?", HOW_MANY),
      one("how many successful applicants were there", HOW_MANY),
      one("For how many months are we supported?", DURATION),
      one("what's the duration of the programme", DURATION),
      one("when does it all finish?", END),
      one("what month do the projects wrap up", END),
      one("When does the support begin?", START),
      one("what date does the programme kick off", START),
      one("is there any training in quality improvement?", QI),
      one("Do we get coaching?", [...QI, "coaching-frequency"]),
      one("who is behind the SP Innovators programme", RUNS),
      one("Which body organises this?", RUNS),
      one("what was the closing date for applications", CLOSED),
      one("When could we start applying?", ["applications-opened", "applications-closed"]),
      one("who is the chair of the NEL CCG", ["jagan-john"]),
      one("Who is the clinical director for personalised care?", ["jagan-john"]),
      one("where do I submit our monthly report", ["submit-monthly-update", "bot-commands"]),
      one("How can I fill in the progress form?", ["submit-monthly-update"]),
      one("when are the results published", ["results-when", "programme-end", "key-dates"]),
      one("who picked the winning projects", ["who-judged-applications"]),
      one("when is the monthly update due", ["update-deadline", "key-dates"]),
      one("can I edit our update after I've sent it", ["edit-update"]),
      one("do reminders come at weekends", ["reminders"]),
      one("What does SP stand for?", ["what-does-sp-mean", "who-is-it-for"]),
      one("I'm in the wrong team", ["change-team"]),
      one("what is the grant meant to pay for", ["what-is-the-grant-for"]),
      off("What's the weather like in London today?"),
      off("Give me a recipe for banana bread"),
      off("How do I apply for the NHS Digital Academy?"),
      off("When is the next NHS Long Term Plan refresh?"),
      off("Who won the football last night?"),
      off("What is the capital of Spain?"),
      off("How do I reset my NHS mail password?"),
      off("What is the GP Fellowship programme?"),
      off("Can you order me a taxi to Waterloo?"),
      off("What's a good film to watch tonight?"),
      off("How much does a pint of milk cost?"),
      off("Who is the prime minister?"),
    ],
  },
  {
    from: "shared-dev",
    cases: [
      one("What is the maximum grant per project?", GRANT),
      one("How much money is there across the whole cohort?", ["total-funding"]),
      one("How many projects were selected?", HOW_MANY),
      one("How long is the support period?", DURATION),
      one("When does the programme end?", END),
      one("When do projects start delivering?", START),
      one("Do we get quality improvement training?", QI),
      one("Which organisation is running the programme?", RUNS),
      one("When did applications close?", CLOSED),
      one("Who chairs North East London CCG?", ["jagan-john"]),
      one("How do I send our monthly progress update?", ["submit-monthly-update", "bot-commands"]),
      off("Can you book me a table for dinner?"),
      off("What is the capital of France?"),
    ],
  },
];

const normalise = (q: string) =>
  q
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const hash = (q: string) => createHash("sha256").update(q).digest("hex");
const stratum = (c: FaqCase) => {
  if (c.entries.length === 0) return c.offTopic ? "off-topic" : "no-entry";
  if (c.entries.length > 1) return "multi";
  return `entry:${c.entries[0]?.[0]}`;
};

const seen = new Set<string>();
const byStratum = new Map<string, FaqCase[]>();
let fixed = 0;
let duplicates = 0;
for (const file of files) {
  const letter = path.basename(file).replace(/^wordings-|\.json$/g, "");
  const set = JSON.parse(fs.readFileSync(file, "utf8")) as FaqSet;
  set.cases.forEach((raw, i) => {
    const from = `${letter}${String(i).padStart(3, "0")}`;
    const c = applyFixes({ ...raw, from });
    if (c.fix) fixed++;
    if (seen.has(normalise(c.question))) {
      duplicates++;
      return;
    }
    seen.add(normalise(c.question));
    const group = byStratum.get(stratum(c)) ?? [];
    group.push(c);
    byStratum.set(stratum(c), group);
  });
}

const dev: FaqCase[] = [];
const test: FaqCase[] = [];
let turn = 0;
for (const key of [...byStratum.keys()].sort()) {
  const group = (byStratum.get(key) ?? []).sort((a, b) => hash(a.question).localeCompare(hash(b.question)));
  // Alternate who gets the first of each group, so odd-sized groups do not all favour dev.
  for (const c of group) (turn++ % 2 === 0 ? dev : test).push(c);
}
for (const legacy of LEGACY_CASES) {
  for (const c of legacy.cases) {
    if (seen.has(normalise(c.question))) continue;
    seen.add(normalise(c.question));
    dev.push({ ...c, from: legacy.from });
  }
}

const about = (name: string) =>
  `FAQ ${name} set for npm run faq:eval, built by scripts/faq-build-sets.ts from three writers' wordings ` +
  "(written from the FAQ entries, not the code; see docs/FAQ.md). entries: the parts the question asks, each a list " +
  "of keys any one of which answers that part; [] = no entry answers it (offTopic: not about the programme at all). " +
  (name === "dev" ? "Calibrate on this set only." : "Held out: report on it, never tune to it.");
for (const [name, cases] of [
  ["dev", dev],
  ["test", test],
] as const) {
  const out = path.join(root, "test/fixtures/faq", `${name}.json`);
  const lines = cases.map((c) => `    ${JSON.stringify(c)}`).join(",\n");
  fs.writeFileSync(out, `{\n  "about": ${JSON.stringify(about(name))},\n  "cases": [\n${lines}\n  ]\n}\n`);
  const inScope = cases.filter((c) => c.entries.length > 0).length;
  const noEntry = cases.length - inScope;
  process.stdout.write(`${name}: ${cases.length} cases, ${inScope} in scope, ${noEntry} no entry\n`);
}
process.stdout.write(`label fixes: ${fixed}, duplicates dropped: ${duplicates}\n`);
