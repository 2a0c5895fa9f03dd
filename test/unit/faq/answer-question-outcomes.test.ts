import { describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import {
  ALREADY_PASSED_ON,
  answerQuestion,
  type FaqAnswer,
  type FaqDeps,
  OFF_TOPIC_DECLINE,
  UNKNOWN_PASSED_ON,
} from "../../../src/core/faq/answer-question.js";
import type { findAnswer } from "../../../src/core/faq/find-answer.js";
import { sameQuestion } from "../../../src/core/faq/similar-wording.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { createMemoryFaqRepository, faqEntriesFromFile } from "../../../src/db/repositories/faq-memory-repository.js";

const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
const asker = { memberId: "m1", platform: "slack" as const, externalId: "U1", replyTo: null };

function setup() {
  const faq = createMemoryFaqRepository(faqEntriesFromFile(file, "p1"));
  const clock = fixedClock("2022-11-15T10:00:00Z");
  const deps: FaqDeps = { faq, clock, logger: silentLogger, programmes: { getProgramme: async () => null } };
  return { deps, faq, clock };
}

/** What the new answerer will say; today's findAnswer never returns these outcomes. */
const decided =
  (answer: Partial<FaqAnswer>): typeof findAnswer =>
  async () => ({
    answered: false,
    outcome: "decline",
    answer: "I don't know the answer to that.",
    sources: [],
    suggestions: [],
    offTopic: false,
    ...answer,
  });

describe("answerQuestion: who hears about a question", () => {
  it("declines an off-topic question politely and never passes it to staff", async () => {
    const { deps, faq } = setup();
    const result = await answerQuestion({
      deps,
      programmeId: "p1",
      question: "What's the weather like tomorrow?",
      asker,
      decide: decided({ offTopic: true }),
    });
    expect(result).toMatchObject({ outcome: "decline", offTopic: true, answer: OFF_TOPIC_DECLINE });
    expect(result.passedOn).toBeUndefined();
    expect(faq.questions).toEqual([]);
  });

  it("offers suggestions without bothering staff", async () => {
    const { deps, faq } = setup();
    const suggestions = [
      { key: "programme-start", question: "When does the programme start?" },
      { key: "programme-end", question: "When does the programme finish?" },
    ];
    const result = await answerQuestion({
      deps,
      programmeId: "p1",
      question: "when is it",
      asker,
      decide: decided({ outcome: "suggest", suggestions }),
    });
    expect(result).toMatchObject({ outcome: "suggest", suggestions });
    expect(faq.questions).toEqual([]);
  });

  it("passes an in-scope unknown on, and says so", async () => {
    const { deps, faq } = setup();
    const result = await answerQuestion({ deps, programmeId: "p1", question: "Can we claim mileage?", asker });
    expect(result.answer).toBe(UNKNOWN_PASSED_ON);
    expect(result.passedOn).toEqual({ questionId: faq.questions[0]?.id, repeat: false });
  });

  it("does not queue the same person's question twice, even reworded, within the window", async () => {
    const { deps, faq, clock } = setup();
    const ask = (question: string, who = asker) =>
      answerQuestion({ deps, programmeId: "p1", question, asker: who, decide: decided({}) });
    await ask("How do I claim parking expenses?");
    clock.advance(3 * 86_400_000);
    const again = await ask("how can I claim for parking??");
    expect(again.answer).toBe(ALREADY_PASSED_ON);
    expect(again.passedOn).toMatchObject({ repeat: true, questionId: faq.questions[0]?.id });
    // Someone else asking the same, or the same person asking something else, is queued.
    await ask("How do I claim parking expenses?", { ...asker, externalId: "U2" });
    await ask("Can we claim for childcare during sessions?");
    expect(faq.questions.map((q) => q.question)).toEqual([
      "How do I claim parking expenses?",
      "How do I claim parking expenses?",
      "Can we claim for childcare during sessions?",
    ]);
    // After the window, the same question counts as new again (staff may have missed it).
    clock.advance(15 * 86_400_000);
    expect((await ask("How do I claim parking expenses?")).answer).toBe(UNKNOWN_PASSED_ON);
  });

  it("from the CLI (no asker) nothing is queued and the answerer's own wording stands", async () => {
    const { deps, faq } = setup();
    const result = await answerQuestion({
      deps,
      programmeId: "p1",
      question: "weather?",
      decide: decided({ offTopic: true }),
    });
    expect(result.answer).toBe("I don't know the answer to that.");
    expect(faq.questions).toEqual([]);
  });
});

describe("sameQuestion", () => {
  it.each([
    ["How do I claim parking expenses?", "how can I claim for parking", true],
    ["Can we claim mileage for home visits?", "can we claim mileage for our home visit", true],
    ["When is the showcase event?", "when's the showcase event", true],
    ["Can we claim mileage?", "Can we claim for childcare?", false],
    ["Who do I send receipts to?", "Can we buy laptops with the grant?", false],
  ])("%j vs %j → %s", (a, b, same) => {
    expect(sameQuestion(a, b)).toBe(same);
  });
});
