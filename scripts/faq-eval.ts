/**
 * Scores the FAQ answerer: `npm run faq:eval [-- <set.json> [--programme-file <yaml>] [--json]]`.
 * Default set: ../shared/faq-dev-set.json beside the repository. A case is correct when the bot answers
 * and the answer holds one string of each `expect` group, or, for expect = null, when it declines.
 * Runs in process on the programme file's FAQ (no database), so it measures the answerer itself.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inProcessFaqDeps } from "../bench/faq.js";
import { answerQuestion, type FaqDeps } from "../src/core/faq/answer-question.js";

type Case = { question: string; expect: string[][] | null };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const programmeFile = option("--programme-file") ?? path.join(root, "prisma/seed/sp-innovators.yaml");
const json = args.includes("--json");
const sets = args.filter((a) => !a.startsWith("--"));
if (sets.length === 0) sets.push(path.join(root, "../shared/faq-dev-set.json"));

const deps: FaqDeps = inProcessFaqDeps(programmeFile);

let failed = false;
for (const setPath of sets) {
  const resolved = path.resolve(setPath);
  if (!fs.existsSync(resolved)) {
    process.stderr.write(`faq:eval: ${resolved} not found; skipping (pass a set file as an argument).\n`);
    continue;
  }
  const cases = (JSON.parse(fs.readFileSync(resolved, "utf8")) as { cases: Case[] }).cases;
  await answerQuestion({ deps, programmeId: "eval", question: "warm up" });
  const misses: string[] = [];
  let correct = 0;
  let outOfScope = 0;
  let answeredOutOfScope = 0;
  const timings: number[] = [];
  for (const c of cases) {
    const started = performance.now();
    const result = await answerQuestion({ deps, programmeId: "eval", question: c.question });
    timings.push(performance.now() - started);
    // Repeat for a steadier latency figure (each run goes through the cached index, as in the server).
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await answerQuestion({ deps, programmeId: "eval", question: c.question });
      timings.push(performance.now() - t);
    }
    const answer = result.answer.toLowerCase();
    const ok =
      c.expect === null
        ? !result.answered
        : result.answered && c.expect.every((group) => group.some((s) => answer.includes(s.toLowerCase())));
    if (c.expect === null) {
      outOfScope++;
      if (result.answered) answeredOutOfScope++;
    }
    if (ok) correct++;
    else
      misses.push(
        `  ✗ ${c.question}\n      → ${result.answered ? `[${result.sources.join(", ")}] ` : "(declined) "}${result.answer.slice(0, 120)}`,
      );
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? 0;
  const summary = {
    set: path.relative(process.cwd(), resolved),
    correct,
    total: cases.length,
    accuracy: cases.length ? correct / cases.length : 0,
    outOfScope,
    answeredOutOfScope,
    answeredWhenShouldNotRate: outOfScope ? answeredOutOfScope / outOfScope : 0,
    latencyMs: { p50: Number(pct(50).toFixed(3)), p99: Number(pct(99).toFixed(3)), samples: timings.length },
  };
  if (answeredOutOfScope > 0) failed = true;
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    process.stdout.write(
      [
        `FAQ evaluation: ${summary.set}`,
        `  accuracy                      ${correct}/${cases.length} (${(summary.accuracy * 100).toFixed(1)}%)`,
        `  answered when it should not   ${answeredOutOfScope}/${outOfScope} (${(summary.answeredWhenShouldNotRate * 100).toFixed(1)}%)`,
        `  latency in process            p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms (${timings.length} answers)`,
        ...(misses.length ? ["  misses:", ...misses] : []),
        "",
      ].join("\n"),
    );
  }
}
process.exitCode = failed ? 1 : 0;
