import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseUpdateValues, progressUpdateForm, toFormValues } from "../../src/core/updates/update-form.js";
import { type SlackHarness, startSlackHarness } from "../support/slack-harness.js";
import { type ModalView, openUpdateModal, viewSubmission } from "./support/slack-modal.js";

/**
 * Promise: whatever people type — random strings, numbers, unicode, control characters — into every
 * field of the progress-update form, or after `/cohort`, the bot answers 200 with either a clear
 * per-field error or a stored value that passes the same validation again; never a 500, never an
 * invalid stored value, never silence. Through the real /slack/events entry point.
 */
const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (sample data)
const TEAM_CHANNEL = "C0SPITWH";

const nasty = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e",
    "1e309",
    "0x10",
    "-0",
    "NaN",
    "Infinity",
    "12,500",
    "£2,500",
    "<!channel>",
    "x".repeat(5000),
  ),
);
/** Mostly plausible input (so the storing path is exercised, with unicode and control characters), sometimes hostile. */
const plausible = (id: string): fc.Arbitrary<string> => {
  if (id === "rag") return fc.constantFrom("on-track", "at-risk", "off-track");
  if (id === "support") return fc.constantFrom("none", "coaching", "data", "");
  if (id === "people" || id === "measureValue") return fc.integer({ min: 0, max: 500 }).map(String);
  if (id === "spend") return fc.integer({ min: 0, max: 3000 }).map(String);
  return fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 });
};
const fieldValue = (id: string) => fc.oneof({ weight: 6, arbitrary: plausible(id) }, { weight: 1, arbitrary: nasty });

describe("bad input: form submissions and slash-command text", () => {
  let h: SlackHarness;
  let view: ModalView;
  let award = 0;
  beforeAll(async () => {
    h = await startSlackHarness({ now: "2022-11-25T10:00:00Z" });
    view = await openUpdateModal(h, MEMBER, TEAM_CHANNEL);
    award = (await h.db.prisma.team.findFirstOrThrow({ where: { key: "tower-hamlets" } })).award ?? 0;
  });
  afterAll(async () => h?.close());

  it("every field of the update form: a clear field error or a valid stored value", async () => {
    const outcomes = { saved: 0, fieldErrors: 0, failures: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(progressUpdateForm.fields.map((f) => [f.id, fieldValue(f.id)]))),
        async (values) => {
          const res = await h.interaction(
            viewSubmission(view, MEMBER, values as Record<string, string>, `fuzz-${++n}`),
          );
          if (res.status !== 200) outcomes.failures++;
          expect(res.status).toBe(200);
          if (res.text === "") {
            outcomes.saved++;
            const stored = await h.db.prisma.progressUpdate.findFirstOrThrow({ orderBy: { updatedAt: "desc" } });
            const again = parseUpdateValues(toFormValues(stored.data as Record<string, unknown>), {
              award,
              draft: false,
            });
            expect(again.ok).toBe(true);
            if (again.ok) expect(again.data).toEqual(stored.data);
          } else {
            outcomes.fieldErrors++;
            const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
            expect(body.response_action).toBe("errors");
            const blockIds = view.blocks.map((b) => b.block_id);
            for (const [field, message] of Object.entries(body.errors)) {
              expect(blockIds).toContain(field);
              expect(message.length).toBeGreaterThan(5);
              expect(message).not.toMatch(/undefined|\[object|NaN|Error:/);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
    console.log(
      `[reliability] bad input/forms: submissions=120, saved=${outcomes.saved}, field errors=${outcomes.fieldErrors}, 5xx=${outcomes.failures}, invalid stored=0`,
    );
    expect(outcomes.saved).toBeGreaterThan(10);
    expect(outcomes.fieldErrors).toBeGreaterThan(0);
  });

  it("random slash-command text always gets a 200 and a reply", async () => {
    let failures = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc
            .tuple(
              fc.constantFrom(
                "ask",
                "next",
                "status",
                "help",
                "digest",
                "unlock",
                "answer",
                "faq",
                "update",
                "view",
                "export",
              ),
              fc.string({ maxLength: 80 }),
            )
            .map(([c, rest]) => `${c} ${rest}`),
        ),
        async (text) => {
          runs++;
          const before = h.fake.calls.length;
          const res = await h.command(text, { user_id: MEMBER, channel_id: TEAM_CHANNEL });
          if (res.status !== 200) failures++;
          expect(res.status).toBe(200);
          // A reply rides in the ack, or follows via response_url / a modal within a few seconds.
          if (res.text === "" || /Working on it/.test(res.text)) {
            const until = Date.now() + 10_000;
            while (h.fake.calls.length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
            expect(h.fake.calls.length).toBeGreaterThan(before);
          }
        },
      ),
      { numRuns: 150 },
    );
    console.log(`[reliability] bad input/slash text: commands=${runs}, non-200=${failures}, silent=0`);
  });
});
