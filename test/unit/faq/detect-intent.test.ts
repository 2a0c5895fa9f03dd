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
    ["any answer from staff on our question?", "staff-reply"],
    ["has staff got back to us about our question?", "staff-reply"],
    ["whats the answer to the question i asked", "staff-reply"],
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

  it.each([
    "Can we spend the grant on laptops?",
    "can we use our grant for training courses?",
    "can we spend some of our funding on a minibus?",
    "is a laptop an eligible cost?",
    "what can we spend our grant on?",
    "are we allowed to spend our funding on food?",
    "how much do we get and what can we spend it on?",
    "do we have to send receipts for everything we spend the grant on?",
    "how much have we spent on travel?",
    "can our spend include mileage?",
  ])("leaves a question about what the grant may be spent on to the FAQ: %j", (question) => {
    expect(detectIntent(question)).toBeNull();
  });

  it.each([
    ["how much have we spent so far?", "spend"],
    ["how much money have we used up so far", "spend"],
    ["have we overspent?", "spend"],
    ["what's our spend to date", "spend"],
  ])("still answers the team's own spend from the data: %j → %s", (question, intent) => {
    expect(detectIntent(question)).toBe(intent);
  });

  it("never takes over a question the programme FAQ itself answers, except the live ones it duplicates", () => {
    const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
    const live = file.faq.filter((f) => detectIntent(f.question)).map((f) => f.key);
    // "When is our next coaching session?" is answered with the real date rather than the entry.
    expect(live).toEqual(["next-session"]);
  });
});
