import { describe, expect, it } from "vitest";
import { cleanText, oneLine } from "../../../src/core/updates/plain-text.js";
import {
  parseUpdateValues,
  progressUpdateForm,
  progressUpdateSchema,
  spendWarning,
  toFormValues,
} from "../../../src/core/updates/update-form.js";

const valid = {
  rag: "on-track",
  progress: "Ran two induction sessions.\nSecond line.",
  people: "12",
  spend: "2500",
};
const parse = (values: Record<string, string>, draft = false, award = 10_000) =>
  parseUpdateValues({ ...valid, ...values }, { award, draft });

describe("the progress update form", () => {
  it("defines every field the issue asks for, once", () => {
    expect(progressUpdateForm.id).toBe("progress-update");
    expect(progressUpdateForm.fields.map((f) => f.id)).toEqual([
      "rag",
      "progress",
      "pdsa",
      "measure",
      "measureValue",
      "people",
      "spend",
      "wins",
      "blockers",
      "support",
      "supportDetail",
      "notes",
    ]);
    expect(progressUpdateForm.fields.find((f) => f.id === "support")?.options?.map((o) => o.value)).toEqual([
      "none",
      "coaching",
      "data",
      "funding",
      "other",
    ]);
  });

  it("parses strings into typed data and leaves empty optional fields out", () => {
    const result = parse({ spend: "£2,500.50", people: " 1,200 ", wins: "  " });
    expect(result).toEqual({
      ok: true,
      data: { rag: "on-track", progress: "Ran two induction sessions.\nSecond line.", people: 1200, spend: 2500.5 },
    });
  });

  it("names the field and what to do for every missing required field", () => {
    const result = parseUpdateValues({}, { award: 10_000, draft: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["people", "progress", "rag", "spend"]);
    expect(result.errors.rag).toBe("Overall status is needed: choose on track, at risk or off track.");
    expect(result.errors.spend).toMatch(/^Grant spent to date \(£\) is needed: enter the total/);
  });

  it("accepts a partial draft", () => {
    expect(parseUpdateValues({ progress: "half done" }, { award: 10_000, draft: true })).toEqual({
      ok: true,
      data: { progress: "half done" },
    });
  });

  it.each([
    ["people", "-3", /People supported \/ referrals this month: it cannot be negative; enter 0 or more/],
    ["people", "2.5", /whole number/],
    ["people", "lots", /whole number/],
    ["people", "1000001", /too high/],
    ["spend", "-1", /Grant spent to date \(£\): it cannot be negative/],
    ["spend", "12.345", /an amount in pounds/],
    ["spend", "10000.01", /£10,000.01 is more than your team's award of £10,000/],
    ["rag", "green", /Overall status: choose one of On track, At risk, Off track/],
    ["support", "money", /Support requested from the programme team: choose one of/],
  ])("rejects %s = %j with a clear message", (field, value, message) => {
    const result = parse({ [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toMatch(message);
  });

  it("allows spend of exactly the award, and uses the team's own award", () => {
    expect(parse({ spend: "10000" }).ok).toBe(true);
    const smaller = parse({ spend: "8000" }, false, 7_500);
    expect(smaller.ok).toBe(false);
    if (!smaller.ok) expect(smaller.errors.spend).toContain("award of £7,500");
  });

  it("refuses huge text with the limit and the actual length", () => {
    const result = parse({ progress: "x".repeat(1501) });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.progress).toBe(
        "Progress this month: please shorten this to 1500 characters or fewer (it has 1501).",
      );
    expect(parse({ progress: "x".repeat(1500) }).ok).toBe(true);
  });

  it("counts an emoji as one character and keeps it", () => {
    const emoji = "🎉".repeat(1500);
    const result = parse({ progress: emoji });
    expect(result).toMatchObject({ ok: true, data: { progress: emoji } });
  });

  it("strips control and bidi characters but keeps line breaks", () => {
    const result = parse({ progress: "a\u0000b\u0007c\r\nd\u202ee\u0085f\tg" });
    expect(result).toMatchObject({ ok: true, data: { progress: "abc\ndef g" } });
    expect(cleanText("\n\n\n\nx\n\n\n\ny\n")).toBe("x\n\ny");
  });

  it("stores injection strings as plain text (renderers escape them)", () => {
    const result = parse({ wins: '<!channel> =HYPERLINK("http://evil","x") <script>' });
    expect(result).toMatchObject({
      ok: true,
      data: { wins: '<!channel> =HYPERLINK("http://evil","x") <script>' },
    });
  });

  it("needs details when the support asked for is 'something else'", () => {
    const result = parse({ support: "other" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.supportDetail).toMatch(/you chose “Something else”/);
    expect(parse({ support: "other", supportDetail: "A data analyst for a day" }).ok).toBe(true);
  });

  it("exports a schema that parses a full submission", () => {
    expect(progressUpdateSchema.parse({ ...valid })).toMatchObject({ people: 12, spend: 2500 });
    expect(() => progressUpdateSchema.parse({ ...valid, people: "-1" })).toThrow();
  });

  it("round-trips stored data back into form strings", () => {
    const result = parse({ support: "coaching" });
    if (!result.ok) throw new Error("expected ok");
    expect(toFormValues(result.data)).toEqual({ ...valid, support: "coaching" });
  });

  it("warns, without refusing, when spend is above pro-rata", () => {
    expect(spendWarning(3336, 10_000, 3336, "Wed 30 Nov 2022")).toBeNull();
    expect(spendWarning(3400, 10_000, 3336, "Wed 30 Nov 2022")).toContain(
      "above the pro-rata share of your award by Wed 30 Nov 2022 (£3,336)",
    );
    expect(parse({ spend: "9000" }).ok).toBe(true);
  });

  it("cuts one-line summaries at the first line", () => {
    expect(oneLine("\nFirst line\nsecond")).toBe("First line");
    expect(oneLine("abcdef", 4)).toBe("abc…");
  });
});
