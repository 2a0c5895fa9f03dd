import type { Llm } from "../ports/llm.js";
import { analyse } from "./analyse-text.js";
import type { FaqDeps } from "./answer-question.js";
import type { FaqMatch } from "./faq-index.js";
import { type FaqPrompt, fillTemplate } from "./faq-prompt.js";

/**
 * Asks the LLM to answer from the retrieved entries only and to cite their keys. Returns null — so the
 * caller falls back to plain retrieval — on a timeout, an error, a refusal, or an answer it cannot trace
 * to the cited entries (unknown keys, or a number or date that is not in them).
 */
export async function answerWithLlm(input: {
  deps: Pick<FaqDeps, "logger" | "programmes">;
  llm: Llm;
  prompt: FaqPrompt;
  programmeId: string;
  question: string;
  matches: FaqMatch[];
}): Promise<{ answer: string; sources: string[] } | null> {
  const { deps, llm, prompt, question } = input;
  const candidates = input.matches.filter((m) => m.confidence >= prompt.minConfidence).slice(0, prompt.maxCandidates);
  if (candidates.length === 0) return null;
  const entries = candidates.map((m) => `[${m.entry.key}]\nQ: ${m.entry.question}\nA: ${m.entry.answer}`).join("\n\n");
  const programme = (await deps.programmes.getProgramme(input.programmeId))?.name ?? "cohort";
  const content = fillTemplate(prompt.template, { programme, entries, question });
  let raw: string;
  try {
    raw = await withTimeout(
      llm.complete({
        messages: [{ role: "user", content }],
        temperature: prompt.temperature,
        maxTokens: prompt.maxTokens,
        timeoutMs: prompt.timeoutMs,
      }),
      prompt.timeoutMs,
    );
  } catch (error) {
    deps.logger.warn({ err: error }, "LLM answer failed; using retrieval");
    return null;
  }
  const parsed = parseReply(raw);
  const byKey = new Map(candidates.map((m) => [m.entry.key, m.entry]));
  if (!parsed || parsed.sources.length === 0 || !parsed.sources.every((k) => byKey.has(k))) {
    deps.logger.warn({ reply: raw.slice(0, 200) }, "LLM answer not grounded in the entries; using retrieval");
    return null;
  }
  const cited = parsed.sources.map((k) => `${byKey.get(k)?.question ?? ""} ${byKey.get(k)?.answer ?? ""}`).join(" ");
  const unsupported = numbersIn(parsed.answer).filter((n) => !numbersIn(cited).includes(n));
  if (unsupported.length > 0) {
    deps.logger.warn({ unsupported }, "LLM answer has figures not in its sources; using retrieval");
    return null;
  }
  if (overlap(parsed.answer, cited) < MIN_OVERLAP) {
    deps.logger.warn({ reply: raw.slice(0, 200) }, "LLM answer says things its sources do not; using retrieval");
    return null;
  }
  return { answer: parsed.answer, sources: parsed.sources };
}

/** Share of the answer's content words that its cited entries also use; rewording keeps most of them. */
const MIN_OVERLAP = 0.6;
function overlap(answer: string, sources: string): number {
  const words = [...new Set(analyse(answer))];
  if (words.length === 0) return 0;
  const known = new Set(analyse(sources));
  return words.filter((w) => known.has(w)).length / words.length;
}

/** The model is asked for {"answer": string | null, "sources": string[]}; code fences are tolerated. */
function parseReply(raw: string): { answer: string; sources: string[] } | null {
  const json = raw.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "");
  try {
    const value = JSON.parse(json) as { answer?: unknown; sources?: unknown };
    if (typeof value.answer !== "string" || value.answer.trim() === "" || value.answer.length > 2000) return null;
    if (!Array.isArray(value.sources) || !value.sources.every((s) => typeof s === "string")) return null;
    return { answer: value.answer.trim(), sources: [...new Set(value.sources as string[])] };
  } catch {
    return null;
  }
}

/** Figures as written, without thousands separators: "£10,000" → "10000", "2023" → "2023". */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, "").replace(/\.$/, ""));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LLM did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
