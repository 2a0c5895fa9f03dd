import { describe, expect, it } from "vitest";
import { inProcessFaqDeps } from "../../../bench/faq.js";
import { findAnswer, SUGGEST_TEXT, UNKNOWN_NOT_PASSED_ON } from "../../../src/core/faq/find-answer.js";

const deps = inProcessFaqDeps();
const ask = (question: string) => findAnswer({ deps, programmeId: "eval", question });

describe("findAnswer outcomes", () => {
  it("answers when the best entry clearly covers the question", async () => {
    const result = await ask("How much money can each team get?");
    expect(result).toMatchObject({
      answered: true,
      outcome: "answer",
      sources: ["grant-per-project"],
      suggestions: [],
    });
    expect(result.answer).toContain("£10,000");
  });

  it.each([
    ["when does it start and finish?", ["programme-start", "programme-end"], ["October 2022", "March 2023"]],
    ["how much is the grant and what can we spend it on", ["grant-per-project", "what-is-the-grant-for"], ["£10,000"]],
  ])("answers each part of a two-part question from its own entry: %s", async (question, sources, facts) => {
    const result = await ask(question);
    expect(result).toMatchObject({ outcome: "answer", sources });
    expect(result.parts?.map((p) => p.key)).toEqual(sources);
    for (const fact of facts) expect(result.answer).toContain(fact);
    // Each part is its own paragraph, led by its entry's question.
    expect(result.answer.split("\n\n")).toHaveLength(2);
  });

  it("offers up to three entries when unsure, best first, without answering", async () => {
    const result = await ask("Is there coaching?");
    expect(result).toMatchObject({ answered: false, outcome: "suggest", answer: SUGGEST_TEXT, sources: [] });
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]).toEqual({ key: "coaching-frequency", question: "How often do we have coaching?" });
  });

  it("suggests rather than answers a near miss that shares an entry's words", async () => {
    const result = await ask("can we spend the grant on a minibus?");
    expect(result.outcome).toBe("suggest");
    expect(result.sources).toEqual([]);
  });

  it.each(["is there a whatsapp group for the cohort", "what's the weather like where we are"])(
    "declines a programme question no entry answers, for staff: %s",
    async (question) => {
      expect(await ask(question)).toMatchObject({
        answered: false,
        outcome: "decline",
        answer: UNKNOWN_NOT_PASSED_ON,
        offTopic: false,
      });
    },
  );

  it.each([
    "what's the weather like in lewisham tomorrow",
    "what is the capital of peru",
    "how do i reset my nhsmail password",
    "What's the weather in London?",
    "best pizza in London?",
    "how do I book an NHS dentist",
    "how do I reset my NHS login password",
    "any good team building ideas for the office christmas party",
  ])("declines an off-topic question and marks it off-topic: %s", async (question) => {
    expect(await ask(question)).toMatchObject({ answered: false, outcome: "decline", offTopic: true, sources: [] });
  });

  it.each([
    "what projects are in Croydon",
    "is there a team from Hackney?",
    "which NHS trusts are involved",
    "is the NHS paying for this",
    "is there a team whatsapp group",
  ])("does not call a programme question off-topic for naming the NHS or a team: %s", async (question) => {
    expect((await ask(question)).offTopic).toBe(false);
  });

  it("declines an empty question without calling it off-topic", async () => {
    expect(await ask("   ")).toMatchObject({ outcome: "decline", offTopic: false });
  });

  it.each([
    ["how does the coaching work", "reminders"],
    ["who is our coach?", "qi-training"],
  ])("does not answer %j with %s (issue 13's confidently wrong answers)", async (question, wrongKey) => {
    const result = await ask(question);
    expect(result.sources).not.toContain(wrongKey);
  });
});

describe("findAnswer: a question answered in part", () => {
  it("names the part no entry answers, at the end of the answer", async () => {
    const result = await ask("when does the programme start and can we bring our dog?");
    expect(result).toMatchObject({ outcome: "answer", sources: ["programme-start"] });
    expect(result.unansweredParts).toEqual([{ text: "can we bring our dog?", offTopic: false }]);
    expect(result.answer).toMatch(/I couldn't answer this part of your question: “can we bring our dog\?”$/);
  });

  it("says nothing of the kind when every part is answered", async () => {
    const result = await ask("when does the programme start and finish?");
    expect(result.sources).toEqual(["programme-start", "programme-end"]);
    expect(result.unansweredParts).toBeUndefined();
    expect(result.answer).not.toContain("couldn't answer");
  });
});
