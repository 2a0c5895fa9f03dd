import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import { findAnswer } from "../../../src/core/faq/find-answer.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { createMemoryFaqRepository, faqEntriesFromFile } from "../../../src/db/repositories/faq-memory-repository.js";
import { fixture, type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

/**
 * The question → outcome legs through Slack: "Did you mean…?" buttons and the off-topic decline. The
 * probes check the fixture still produces those outcomes, so a change to the answerer that stops it fails
 * here with a clear message instead of testing nothing.
 */
const SEED = "test/fixtures/programmes/near-duplicate-faq.yaml";
const AMBIGUOUS = "tell me about the showcase event";
const OFF_TOPIC = "What's the weather going to be like tomorrow?";

const probe = async (question: string) => {
  const faq = createMemoryFaqRepository(faqEntriesFromFile(loadProgrammeFile(SEED), "p"));
  const deps = {
    faq,
    clock: fixedClock("2022-11-25T10:00:00Z"),
    logger: silentLogger,
    programmes: { getProgramme: async () => null },
  };
  return findAnswer({ deps, programmeId: "p", question });
};
const suggests = (await probe(AMBIGUOUS)).outcome === "suggest";
const knowsOffTopic = (await probe(OFF_TOPIC)).offTopic;

const MEMBER = "U0NDADA";
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ seed: SEED });
});
afterAll(async () => h?.close());

describe("FAQ outcomes through Slack", () => {
  it("the fixture's questions are ambiguous and off-topic for the answerer", () => {
    expect(suggests).toBe(true);
    expect(knowsOffTopic).toBe(true);
  });

  it("an ambiguous question gets suggestion buttons; pressing one answers it and records the pick", async () => {
    const body = (await h.command(AMBIGUOUS, { user_id: MEMBER, channel_id: "D0ADA" })).json();
    const buttons = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? []);
    const picks = buttons.filter((b) => b.action_id.startsWith("faq.pick"));
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const venue = picks.find((b) => b.value.endsWith("|showcase-venue"));
    expect(venue).toBeDefined();
    const base = fixture<Record<string, unknown>>("block-actions.json");
    h.fake.reset();
    await h.interaction({
      ...base,
      user: { id: MEMBER, username: "ada", name: "ada", team_id: "T1" },
      channel: { id: "D0ADA", name: "d" },
      trigger_id: "trig.pick.1",
      response_url: h.fake.responseUrl,
      actions: [{ action_id: venue?.action_id, block_id: "b", type: "button", value: venue?.value }],
    });
    const [reply] = await h.fake.waitFor("response");
    expect(JSON.stringify(reply?.params)).toContain("City Hall");
    const asked = await h.db.prisma.askedQuestion.findFirstOrThrow({ where: { question: AMBIGUOUS } });
    expect(asked).toMatchObject({ outcome: "suggest", pickedKey: "showcase-venue" });
  });

  it("an off-topic question gets a polite decline and never reaches staff", async () => {
    const body = JSON.stringify((await h.command(OFF_TOPIC, { user_id: MEMBER, channel_id: "D0ADA" })).json());
    expect(body).toContain("only answer questions about the programme");
    expect(await h.db.prisma.unansweredQuestion.count()).toBe(0);
    expect(await h.db.prisma.askedQuestion.count({ where: { outcome: "off-topic" } })).toBe(1);
  });

  it("an off-topic reply offers to pass the question on anyway, in case it was about the programme", async () => {
    const question = "Is it going to rain on Thursday?";
    expect((await probe(question)).offTopic).toBe(true);
    const body = (await h.command(question, { user_id: MEMBER, channel_id: "D0ADA" })).json();
    const [passOn] = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? []);
    expect(passOn?.action_id).toMatch(/^faq\.none/);
    h.fake.reset();
    await h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      user: { id: MEMBER, username: "ada", name: "ada", team_id: "T1" },
      channel: { id: "D0ADA", name: "d" },
      trigger_id: "trig.offtopic.1",
      response_url: h.fake.responseUrl,
      actions: [{ action_id: passOn?.action_id, block_id: "b", type: "button", value: passOn?.value }],
    });
    const [reply] = await h.fake.waitFor("response");
    expect(JSON.stringify(reply?.params)).toContain("passed your question to the programme team");
    expect(await h.db.prisma.unansweredQuestion.findFirst({ where: { question } })).not.toBeNull();
  });

  it("`ask` is asking the programme team on purpose: an off-topic-looking question still reaches them", async () => {
    const question = "what colour is the office carpet";
    expect((await probe(question)).offTopic).toBe(true);
    const body = JSON.stringify((await h.command(`ask ${question}`, { user_id: MEMBER, channel_id: "D0ADA" })).json());
    expect(body).toContain("passed your question to the programme team");
    expect(await h.db.prisma.unansweredQuestion.findFirst({ where: { question } })).not.toBeNull();
  });
});
