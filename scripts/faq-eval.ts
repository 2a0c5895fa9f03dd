/**
 * Scores the FAQ answerer: `npm run faq:eval [-- <set.json> ...] [--programme-file <yaml>] [--misses] [--json]`.
 * Default sets: test/fixtures/faq/dev.json and test.json. Each case is judged (faq-eval-set.ts) as right,
 * suggested, partly, declined or wrong; the script exits with 1 when any answer is wrong. Runs in process
 * on the programme file's FAQ (no database, no LLM), so it measures the decision itself.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inProcessFaqDeps } from "../bench/faq.js";
import { detectIntent } from "../src/core/faq/detect-intent.js";
import { findAnswer } from "../src/core/faq/find-answer.js";
import { type FaqCase, judge, judgeLive, loadFaqSet, type Verdict } from "./faq-eval-set.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const programmeFile = option("--programme-file") ?? path.join(root, "prisma/seed/sp-innovators.yaml");
const json = args.includes("--json");
const showMisses = args.includes("--misses");
const sets = args.filter((a) => !a.startsWith("--"));
if (sets.length === 0) sets.push(...["dev", "test"].map((n) => path.join(root, `test/fixtures/faq/${n}.json`)));

const deps = inProcessFaqDeps(programmeFile);
const VERDICTS: Verdict[] = ["right", "suggested", "partly", "declined", "wrong"];
const kindOf = (c: FaqCase) => (c.entries.length > 0 ? "in scope" : c.offTopic ? "off-topic" : "no entry");

let failed = false;
for (const setPath of sets) {
  const file = path.resolve(setPath);
  const { cases } = loadFaqSet(file);
  await findAnswer({ deps, programmeId: "eval", question: "warm up" });
  const counts = new Map<string, Record<Verdict, number>>();
  const count = (kind: string, verdict: Verdict) => {
    const row = counts.get(kind) ?? { right: 0, suggested: 0, partly: 0, declined: 0, wrong: 0 };
    row[verdict]++;
    counts.set(kind, row);
  };
  const offTopic = { marked: 0, markedRight: 0, offTopicCases: 0 };
  const misses: string[] = [];
  // As a member asks it in chat: a live answer from the team's data comes before the FAQ.
  const live = { right: 0, wrong: 0, labelled: 0 };
  // A partial answer must say which part it could not answer (unansweredParts), not look complete.
  const partial = { partly: 0, named: 0 };
  const timings: number[] = [];
  for (const c of cases) {
    const started = performance.now();
    const result = await findAnswer({ deps, programmeId: "eval", question: c.question });
    timings.push(performance.now() - started);
    // Repeat for a steadier latency figure (each run goes through the cached index, as in the server).
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await findAnswer({ deps, programmeId: "eval", question: c.question });
      timings.push(performance.now() - t);
    }
    const intent = detectIntent(c.question);
    const liveVerdict = judgeLive(c, intent);
    if (c.live) live.labelled++;
    if (liveVerdict) live[liveVerdict]++;
    if (liveVerdict === "wrong") {
      failed = true;
      misses.push(
        `  live wrong ${JSON.stringify(c.question)}\n            want ${c.live?.join("|") ?? "no live answer"}; got live ${intent}`,
      );
    }
    const { verdict, offTopicMarked } = judge(c, result);
    if (verdict === "partly") {
      partial.partly++;
      if (result.unansweredParts?.length) partial.named++;
    }
    count(kindOf(c), verdict);
    count("all", verdict);
    if (c.offTopic) offTopic.offTopicCases++;
    if (offTopicMarked) {
      offTopic.marked++;
      if (c.offTopic) offTopic.markedRight++;
    }
    if (verdict === "wrong") failed = true;
    if (verdict === "wrong" || (showMisses && verdict !== "right")) {
      const got =
        result.outcome === "suggest"
          ? `suggest ${result.suggestions.map((s) => s.key).join(", ")}`
          : `${result.outcome}${result.offTopic ? " (off-topic)" : ""} ${result.sources.join(", ")}`;
      const want = c.entries.length ? c.entries.map((p) => p.join("|")).join(" + ") : kindOf(c);
      misses.push(`  ${verdict.padEnd(9)} ${JSON.stringify(c.question)}\n            want ${want}; got ${got}`);
    }
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? 0;
  const latency = { p50: Number(pct(50).toFixed(3)), p99: Number(pct(99).toFixed(3)), samples: timings.length };
  const name = path.relative(process.cwd(), file);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ set: name, cases: cases.length, counts: Object.fromEntries(counts), offTopic, live, partial, latency })}\n`,
    );
    continue;
  }
  const all = counts.get("all") ?? { right: 0, suggested: 0, partly: 0, declined: 0, wrong: 0 };
  const row = (kind: string) => {
    const r = counts.get(kind);
    if (!r) return [];
    const n = VERDICTS.reduce((sum, v) => sum + r[v], 0);
    return [`  ${`${kind} (${n})`.padEnd(16)}${VERDICTS.map((v) => String(r[v]).padStart(10)).join("")}`];
  };
  const precision = offTopic.marked ? `${offTopic.markedRight}/${offTopic.marked}` : "0/0";
  process.stdout.write(
    [
      `FAQ evaluation: ${name} (${cases.length} cases)`,
      `  right ${all.right}, suggested ${all.suggested}, partly ${all.partly}, declined ${all.declined}, wrong ${all.wrong}`,
      `  ${"".padEnd(16)}${VERDICTS.map((v) => v.padStart(10)).join("")}`,
      ...["in scope", "no entry", "off-topic", "all"].flatMap(row),
      `  off-topic precision ${precision} (marked off-topic on a programme question: ${offTopic.marked - offTopic.markedRight}), recall ${offTopic.markedRight}/${offTopic.offTopicCases}`,
      `  as a member: live answers right ${live.right}, wrong ${live.wrong} (${live.labelled} questions labelled live)`,
      `  partly answered: ${partial.named} of ${partial.partly} say which part they could not answer`,
      `  latency in process  p50 ${latency.p50} ms, p99 ${latency.p99} ms (${latency.samples} answers)`,
      ...(misses.length ? [showMisses ? "  not right:" : "  wrong:", ...misses] : []),
      "",
    ].join("\n"),
  );
}
process.exitCode = failed ? 1 : 0;
