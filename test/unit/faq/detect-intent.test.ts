import { describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import { detectIntent } from "../../../src/core/faq/detect-intent.js";

describe("detectIntent: questions about the asker's own team", () => {
  it.each([
    ["who is our coach?", "coach"],
    ["Who's our QI coach", "coach"],
    ["who coaches us", "coach"],
    ["what's our coach's email", "coach"],
    ["When is our next coaching session?", "next-session"],
    ["when is the next workshop?", "next-workshop"],
    ["what's our next milestone", "next-milestone"],
    ["what's coming up next for us?", "next"],
    ["What's due this month?", "due"],
    ["when is our update due?", "due"],
    ["what do we need to submit", "due"],
    ["have we submitted our update?", "submitted"],
    ["is our monthly report in?", "submitted"],
    ["how much of our grant have we spent?", "spend"],
    ["how much budget do we have left", "spend"],
    ["what did staff say to my last question?", "staff-reply"],
    ["has anyone answered my question", "staff-reply"],
  ])("%j → %s", (question, intent) => {
    expect(detectIntent(question)).toBe(intent);
  });

  it.each([
    "who are the coaches",
    "how much money does our team get?",
    "How often do we have coaching?",
    "When is the monthly update due?",
    "How do I check our team's status?",
    "who is the coach for croydon",
    "when does the programme start and finish?",
  ])("leaves a general question to the FAQ: %j", (question) => {
    expect(detectIntent(question)).toBeNull();
  });

  it("never takes over a question the programme FAQ itself answers, except the live ones it duplicates", () => {
    const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
    const live = file.faq.filter((f) => detectIntent(f.question)).map((f) => f.key);
    // "When is our next coaching session?" is answered with the real date rather than the entry.
    expect(live).toEqual(["next-session"]);
  });
});
