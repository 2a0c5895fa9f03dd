import { stemmer } from "stemmer";
import { CHAT_SPELLINGS, PHRASES, SYNONYM_GROUPS } from "./synonyms.js";

/**
 * Turns a question or an FAQ entry into search terms: amounts and names normalised, stop words dropped,
 * words stemmed (Porter) and folded into their synonym group. The index and the question go through the
 * same function, so they always agree.
 */
const STOP_WORDS = new Set(
  (
    "a about above after again all also am an and any are as at be been before being below between both but by " +
    "can could did do does doing done during each either else etc ever every few for from further get gets getting " +
    "got had has have having he her here hers him his how i if in into is it its itself just let me might mine more " +
    "most much must my myself no nor not now of off on once or other our ours out own please same shall she " +
    "should so some such than thank thanks that the their theirs them then there these they this those through to " +
    "too under until up upon us very was we were what whats when where which while who whom whose why will with " +
    "would yet you your yours hi hello hey tell know want need like give show find anyone somebody someone " +
    "there's what's who's where's when's how's it's i'm we're i've we've don't doesn't can't isn't aren't " +
    // The same contractions typed without the apostrophe, as they are in chat.
    "theres whats whos wheres hows im ive weve dont doesnt cant isnt arent wasnt werent couldnt wouldnt shouldnt " +
    "didnt havent hasnt wont youre theyre lets " +
    // Greetings, thanks and the small talk around a question in chat.
    "hiya morning afternoon evening cheers regards sorry daft silly quick just again actually really " +
    "ok okay lol tbh btw pls wondering wonder explain advise confirm clarify summarise rundown remind " +
    "anyone everyone somebody guys folks"
  ).split(/\s+/),
);

const SYNONYMS = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const canonical = stem(group[0] ?? "");
  for (const word of group) SYNONYMS.set(stem(word), canonical);
}

function stem(word: string): string {
  // Porter needs a few letters to work with; numbers and short words pass through.
  return word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/**
 * Everyday words that say little about the topic. When a question uses one the FAQ never does ("how much
 * is it worth", "which body runs it"), it should not count as heavily against the match as a topical
 * word the FAQ has never heard of ("weather", "fellowship", "password").
 */
const GENERIC_WORDS = new Set(
  (
    "able actual actually already always amount anything anyway around ask asked available away back bit body " +
    "single individual given giving separate specific particular typical usual usually exactly " +
    "big bigger biggest large larger largest small smaller smallest high higher highest low lower lowest top best " +
    "case certain come coming currently date day days different does done each early enough exact exactly " +
    "expect fine first go going good happen happens hear here idea info information kind last later let " +
    "little look lot made main make many maximum max mean means meant minimum month months most much name new " +
    "next number offer offered official often one part people per period person place plan point possible " +
    "probably put quick quickly quite rather really receive received right roughly say see seem sent set " +
    "since size sort soon still sure take thing things think time times today true try two use used way week " +
    "weeks well whether work year years"
  ).split(/\s+/),
);

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map((w) => toTerm(w) ?? w));

/**
 * Words that name where the programme happens or what it is made of, not what a question is about. A
 * place ("What's the weather in London?") never makes a question about the programme by itself; the
 * programme's context ("NHS", "GP", "team") does not when the question is about an everyday topic
 * ("how do I book an NHS dentist?", "team-building ideas for the Christmas party"). decide-answer.ts
 * uses them for the off-topic decision only; for matching they count as usual.
 */
const PLACE_WORDS = "london londoner londoners uk england britain british city";
const CONTEXT_WORDS = "nhs gp gps team teams project projects";
/** Everyday topics the programme is never about; only counted when the FAQ does not use the word. */
const EVERYDAY_TOPICS =
  "weather forecast rain raining snow sunny temperature umbrella football footie cricket rugby tennis match " +
  "score pizza restaurant pub takeaway recipe cooking film movie cinema netflix telly music concert dentist " +
  "dental optician password login wifi printer christmas party birthday flight hotel tube traffic mayor " +
  "election lottery horoscope";
const termsOf = (list: string) => new Set(list.split(" ").map((w) => toTerm(w) ?? w));
const PLACE_TERMS = termsOf(PLACE_WORDS);
const CONTEXT_TERMS = termsOf(CONTEXT_WORDS);
const EVERYDAY_TOPIC_TERMS = termsOf(EVERYDAY_TOPICS);

export function isPlaceTerm(term: string): boolean {
  return PLACE_TERMS.has(term);
}
export function isContextTerm(term: string): boolean {
  return CONTEXT_TERMS.has(term);
}
export function isEverydayTopicTerm(term: string): boolean {
  return EVERYDAY_TOPIC_TERMS.has(term);
}

/** True for an everyday word (checked on the stem, so "winning" and "wins" count too). */
export function isGenericTerm(term: string): boolean {
  return GENERIC_STEMS.has(term);
}

/** Splits text into normalised words, keeping stop words (for display and phrase checks). */
export function words(text: string): string[] {
  let normalised = text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of PHRASES) normalised = normalised.replace(pattern, replacement);
  return normalised
    .replace(/'s\b/g, "")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .flatMap((w) => CHAT_SPELLINGS.get(w) ?? [w])
    .filter((w) => w.length > 0);
}

/** One word to its search term, or null for a stop word. */
export function toTerm(word: string): string | null {
  const bare = word.replace(/'/g, "");
  if (STOP_WORDS.has(word) || STOP_WORDS.has(bare) || (word.length < 2 && !/\d/.test(word))) return null;
  const stemmed = stem(bare);
  return SYNONYMS.get(stemmed) ?? stemmed;
}

/** The search terms of a text, in order, duplicates kept (MiniSearch counts term frequency). */
export function analyse(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = toTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}
