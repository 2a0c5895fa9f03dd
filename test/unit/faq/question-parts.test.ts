import { describe, expect, it } from "vitest";
import { questionKind } from "../../../src/core/faq/question-kind.js";
import { questionParts } from "../../../src/core/faq/question-parts.js";

describe("questionParts", () => {
  it.each([
    ["when does it start and finish?", ["when does it start", "when does it finish?"]],
    ["how much is the grant and what can we spend it on", ["how much is the grant", "what can we spend it on"]],
    ["how often is coaching n when's our next one", ["how often is coaching", "when's our next one"]],
    ["does it finish in march? and who sees the results", ["does it finish in march", "who sees the results"]],
  ])("splits %j", (question, parts) => {
    expect(questionParts(question)).toEqual(parts);
  });

  it.each([
    "what was that quote about recruiting and retaining link workers",
    "has this been done before or are we the guinea pigs",
    "how much is the grant?",
  ])("keeps %j whole", (question) => {
    expect(questionParts(question)).toEqual([question]);
  });
});

describe("questionKind", () => {
  it.each([
    ["who picked the projects", "who"],
    ["how many projects were picked", "how-many"],
    ["whens the update due", "when"],
    ["have we submitted this month's update?", "done"],
    ["is our report in?", "done"],
    ["is there a brochure", null],
  ])("%j wants %s", (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });
});
