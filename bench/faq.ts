import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadProgrammeFile } from "../src/config/load-programme-file.js";
import { answerQuestion, type FaqDeps } from "../src/core/faq/answer-question.js";
import { fixedClock } from "../src/core/ports/clock.js";
import { silentLogger } from "../src/core/ports/logger.js";
import { createMemoryFaqRepository, faqEntriesFromFile } from "../src/db/repositories/faq-memory-repository.js";
import { type Summary, summarise } from "./stats.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FAQ_SETS = [path.join(root, "test/fixtures/faq/dev.json"), path.join(root, "test/fixtures/faq/test.json")];

/** The answerer on a programme file's FAQ, no database and no LLM: what `npm run faq:eval` scores. */
export function inProcessFaqDeps(programmeFile = path.join(root, "prisma/seed/sp-innovators.yaml")): FaqDeps {
  return {
    faq: createMemoryFaqRepository(faqEntriesFromFile(loadProgrammeFile(programmeFile), "eval")),
    clock: fixedClock("2022-11-15T10:00:00Z"),
    logger: silentLogger,
    programmes: { getProgramme: async () => null },
  };
}

/**
 * Retrieval answer latency in process: every question of the FAQ evaluation sets, each answered
 * `repeats` times through the cached index, as the server answers them.
 */
export async function benchFaq(repeats = 20): Promise<{ questions: number; sets: string[]; latency: Summary }> {
  const deps = inProcessFaqDeps();
  const sets = FAQ_SETS.filter((f) => fs.existsSync(f));
  const questions = sets.flatMap(
    (f) => (JSON.parse(fs.readFileSync(f, "utf8")) as { cases: { question: string }[] }).cases,
  );
  await answerQuestion({ deps, programmeId: "eval", question: "warm up" });
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const { question } of questions) {
      const started = performance.now();
      await answerQuestion({ deps, programmeId: "eval", question });
      ms.push(performance.now() - started);
    }
  }
  return { questions: questions.length, sets: sets.map((f) => path.relative(root, f)), latency: summarise(ms) };
}
