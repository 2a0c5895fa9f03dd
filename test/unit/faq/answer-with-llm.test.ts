import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import { answerQuestion, type FaqDeps } from "../../../src/core/faq/answer-question.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { createMemoryFaqRepository, faqEntriesFromFile } from "../../../src/db/repositories/faq-memory-repository.js";
import { loadFaqPrompt } from "../../../src/llm/load-faq-prompt.js";
import { createOpenAiLlm } from "../../../src/llm/openai-llm.js";
import { type FakeReply, startFakeOpenAi } from "../../fakes/fake-openai.js";

const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
let next: FakeReply = {};
let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;

beforeAll(async () => {
  fake = await startFakeOpenAi(() => next);
});
afterAll(() => fake.close());

/** A generous model timeout: a loaded machine must not turn a good reply into a fallback. */
function deps(timeoutMs = 10_000): FaqDeps {
  return {
    faq: createMemoryFaqRepository(faqEntriesFromFile(file, "p1")),
    clock: fixedClock("2022-11-15T10:00:00Z"),
    logger: silentLogger,
    programmes: { getProgramme: async () => null },
    llm: createOpenAiLlm({ apiKey: "sk-test-not-real", baseUrl: fake.baseUrl, model: "fake-model" }),
    faqPrompt: { ...loadFaqPrompt(), timeoutMs },
  };
}
const question = "How much money can each team get?";
const retrieval = { answered: true, sources: ["grant-per-project"] };

describe("answerQuestion with an LLM", () => {
  it("uses the model's answer when it cites the retrieved entries", async () => {
    next = { content: '{"answer": "Up to £10,000 per project.", "sources": ["grant-per-project"]}' };
    const before = fake.requests.length;
    const result = await answerQuestion({ deps: deps(), programmeId: "p1", question });
    expect(result).toMatchObject({
      answered: true,
      answer: "Up to £10,000 per project.",
      sources: ["grant-per-project"],
    });
    const sent = fake.requests[before];
    expect(sent?.model).toBe("fake-model");
    expect(sent?.authorization).toBe("Bearer sk-test-not-real");
    expect(sent?.messages[0]?.content).toContain("[grant-per-project]");
    expect(sent?.messages[0]?.content).toContain(question);
  });

  it("falls back to retrieval when the model times out", async () => {
    next = { delayMs: 20_000, content: '{"answer": "late", "sources": ["grant-per-project"]}' };
    const started = performance.now();
    const result = await answerQuestion({ deps: deps(300), programmeId: "p1", question });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject(retrieval);
    expect(result.answer).toContain("£10,000");
    expect(result.answer).not.toBe("late");
  });

  it("falls back to retrieval on a 500", async () => {
    next = { status: 500 };
    const result = await answerQuestion({ deps: deps(), programmeId: "p1", question });
    expect(result).toMatchObject(retrieval);
    expect(result.answer).toContain("£10,000");
  });

  it.each([
    ["cites no entry", '{"answer": "Up to £10,000.", "sources": []}'],
    ["cites an entry it was not given", '{"answer": "Up to £10,000.", "sources": ["made-up-key"]}'],
    ["invents a figure", '{"answer": "Up to £15,000 per project.", "sources": ["grant-per-project"]}'],
    [
      "says things its sources do not",
      '{"answer": "Paris is the capital of France.", "sources": ["grant-per-project"]}',
    ],
    ["is not JSON", "Each team gets £10,000, I think."],
    ["declines", '{"answer": null, "sources": []}'],
  ])("falls back to retrieval when the answer %s", async (_, content) => {
    next = { content };
    const result = await answerQuestion({ deps: deps(), programmeId: "p1", question });
    expect(result).toMatchObject(retrieval);
    expect(result.answer).toContain("£10,000");
    expect(result.answer).not.toContain("15,000");
  });

  it("never lets the model answer an out-of-scope question", async () => {
    next = { content: '{"answer": "Paris.", "sources": ["grant-per-project"]}' };
    const result = await answerQuestion({
      deps: deps(),
      programmeId: "p1",
      question: "What is the capital of France?",
    });
    expect(result.answered).toBe(false);
  });

  it('settles a "Did you mean…?" from the suggested entries, citing one of them', async () => {
    next = {
      content: '{"answer": "Yes: each team meets its QI coach once a month.", "sources": ["coaching-frequency"]}',
    };
    const before = fake.requests.length;
    const result = await answerQuestion({ deps: deps(), programmeId: "p1", question: "Is there coaching?" });
    expect(result).toMatchObject({ answered: true, outcome: "answer", sources: ["coaching-frequency"] });
    expect(fake.requests[before]?.messages[0]?.content).toContain("[coaching-frequency]");
  });

  it("keeps the suggestions when the model cites an entry that was not suggested", async () => {
    next = { content: '{"answer": "Up to £10,000 per project.", "sources": ["grant-per-project"]}' };
    const result = await answerQuestion({ deps: deps(), programmeId: "p1", question: "Is there coaching?" });
    expect(result).toMatchObject({ answered: false, outcome: "suggest", sources: [] });
    expect(result.suggestions.map((s) => s.key)).toContain("coaching-frequency");
  });

  it("does not ask the model about a question retrieval declines", async () => {
    next = { content: '{"answer": "Yes, there is a WhatsApp group.", "sources": ["ask-staff"]}' };
    const before = fake.requests.length;
    const result = await answerQuestion({
      deps: deps(),
      programmeId: "p1",
      question: "is there a whatsapp group for the cohort",
    });
    expect(result).toMatchObject({ answered: false, outcome: "decline" });
    expect(fake.requests.length).toBe(before);
  });
});
