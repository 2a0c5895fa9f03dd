import readline from "node:readline";
import type { Command } from "commander";
import { answerQuestion } from "../../core/faq/answer-question.js";
import { answerUnanswered } from "../../core/faq/answer-unanswered.js";
import { detectIntent } from "../../core/faq/detect-intent.js";
import { dismissUnanswered } from "../../core/faq/dismiss-unanswered.js";
import { buildFaqStats, type FaqStats } from "../../core/faq/faq-stats.js";
import { noIdentityPointer } from "../../core/faq/live/no-identity-pointer.js";
import { CliInputError } from "../cli-error.js";
import { CLI_ACTOR, withCliProgramme } from "./pick-programme.js";

/** `cohort faq ask|unanswered|answer`: the FAQ from the command line (scripts, evaluation, staff). */
export function registerFaq(program: Command): void {
  const faq = program.command("faq").description("ask the FAQ, see and answer unanswered questions");
  faq
    .command("ask")
    .description("answer a question; with no question, answer one question per line of stdin")
    .argument("[question...]", "the question (quote it)")
    .option("--json", "print {answered, answer, sources, outcome, suggestions} as one JSON line per question")
    .option("--programme <slug>", "programme slug (default: the only or first programme)")
    .action(async (words: string[], opts: { json?: boolean; programme?: string }) => {
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const ask = async (question: string) => {
          const result = await answerQuestion({ deps, programmeId: programme.id, question });
          // The CLI has no identity: a question about "our team" gets a pointer to where its answer is, and
          // the FAQ's general answer only after it, marked as general, never as if it were the team's.
          const intent = detectIntent(question);
          if (intent) {
            const general = result.outcome === "answer" ? `\n\nIn general: ${result.answer}` : "";
            result.answer = `${noIdentityPointer(intent)}${general}`;
          }
          process.stdout.write(
            opts.json
              ? `${JSON.stringify({ answered: result.answered, answer: result.answer, sources: result.sources, outcome: result.outcome, suggestions: result.suggestions })}\n`
              : `${result.answer}${result.sources.length ? `\n  (sources: ${result.sources.join(", ")})` : ""}\n`,
          );
        };
        if (words.length > 0) return ask(words.join(" "));
        // One process for many questions: the index is built once and reused.
        const lines = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of lines) if (line.trim()) await ask(line);
      });
    });

  faq
    .command("stats")
    .description(
      "per entry: how often it answered, was offered and picked as a suggestion; questions it could not answer",
    )
    .option("--json", "print one JSON object")
    .option("--since <date>", "only questions asked on or after this date (YYYY-MM-DD)")
    .option("--programme <slug>", "programme slug")
    .action(async (opts: { json?: boolean; since?: string; programme?: string }) => {
      const since = opts.since ? new Date(`${opts.since}T00:00:00Z`) : undefined;
      if (since && Number.isNaN(since.getTime()))
        throw new CliInputError(`--since: “${opts.since}” is not a date like 2022-11-01`);
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const stats = await buildFaqStats({ deps, programme, since });
        process.stdout.write(opts.json ? `${JSON.stringify(stats)}\n` : statsText(stats));
      });
    });

  faq
    .command("unanswered")
    .description("questions the bot could not answer, oldest first")
    .option("--json", "print as JSON lines")
    .option("--programme <slug>", "programme slug")
    .action(async (opts: { json?: boolean; programme?: string }) => {
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const open = await deps.faq.listUnanswered(programme.id, { status: "open" });
        for (const q of open) {
          process.stdout.write(
            opts.json
              ? `${JSON.stringify({ id: q.id, question: q.question, platform: q.platform, askedAt: q.createdAt })}\n`
              : `${q.id.slice(0, 8)}  ${q.createdAt.toISOString().slice(0, 16)}  ${q.question}\n`,
          );
        }
        if (!opts.json && open.length === 0) process.stdout.write("No unanswered questions.\n");
      });
    });

  faq
    .command("dismiss")
    .description("close a queued question that is noise: it leaves the queue and nothing is sent to the asker")
    .argument("<id>", "question id (or its first 8 characters)")
    .option("--programme <slug>", "programme slug")
    .action(async (id: string, opts: { programme?: string }) => {
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const q = await dismissUnanswered({
          deps,
          programmeId: programme.id,
          questionId: id,
          by: CLI_ACTOR,
        });
        process.stdout.write(`Dismissed ${q.id.slice(0, 8)} “${q.question}”. Nothing was sent to the asker.\n`);
      });
    });

  faq
    .command("answer")
    .description("answer a queued question: adds an FAQ entry and replies to the asker")
    .argument("<id>", "question id (or its first 8 characters)")
    .argument("<answer...>", "the answer (quote it)")
    .option("--programme <slug>", "programme slug")
    .action(async (id: string, answer: string[], opts: { programme?: string }) => {
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const result = await answerUnanswered({
          deps,
          programmeId: programme.id,
          questionId: id,
          answer: answer.join(" "),
          by: CLI_ACTOR,
        });
        process.stdout.write(
          `Saved as FAQ entry ${result.entry.key}. ${result.delivered ? "Sent to the asker." : `Not sent to the asker: ${result.deliveryProblem}.`}\n`,
        );
      });
    });
}

function statsText(stats: FaqStats): string {
  const t = stats.totals;
  const lines = [
    `${stats.programme.name}${stats.since ? ` since ${stats.since.toISOString().slice(0, 10)}` : ""}`,
    `asked ${t.asked}: answered ${t.answered}, live ${t.live}, suggested ${t.suggested} (picked ${t.picked}), I don't know ${t.declined} (passed to staff ${t.passedToStaff}), off-topic ${t.offTopic}`,
    "",
    "used  answered  picked/offered  entry",
    ...stats.entries.map(
      (e) =>
        `${String(e.used).padStart(4)}  ${String(e.answered).padStart(8)}  ${`${e.picked}/${e.offered}`.padStart(14)}  ${e.key}${e.active ? "" : " (retired)"}`,
    ),
    "",
    `Ended in "I don't know" (${stats.unknown.length}):`,
    ...stats.unknown.map(
      (q) => `  ${q.askedAt.toISOString().slice(0, 10)}  ${q.question}${q.passedToStaff ? "  [passed to staff]" : ""}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
