import { describe, expect, it } from "vitest";
import { analyse } from "../../../src/core/faq/analyse-text.js";

describe("analyse (stemming and domain synonyms)", () => {
  it("folds grant, funding and money into one term", () => {
    expect(analyse("grant")).toEqual(analyse("funding"));
    expect(analyse("money")).toEqual(analyse("grant"));
    expect(analyse("funded")).toEqual(analyse("grants"));
  });

  it("folds coaching and mentoring, deadline and due, but keeps support apart from coaching", () => {
    expect(analyse("coaching")).toEqual(analyse("mentoring"));
    expect(analyse("deadline")).toEqual(analyse("due"));
    // "How long does the support last?" must not answer "how long is each coaching session?".
    expect(analyse("support")).not.toEqual(analyse("coaching"));
  });

  it("reads chat spellings, drops small talk and keeps single digits", () => {
    expect(analyse("wat r the dates pls, cheers")).toEqual(analyse("what are the dates"));
    expect(analyse("is it 6 months?")).toContain("6");
    expect(analyse("whens it due")).toEqual(analyse("when is it due"));
    expect(analyse("how are we getting on")).toEqual(analyse("progress"));
    expect(analyse("is coaching once a month")).toEqual(analyse("is coaching monthly"));
  });

  it("reads every spelling of ten thousand pounds as one amount, distinct from 120k", () => {
    const tenK = analyse("10k");
    for (const spelling of ["£10,000", "10,000", "10000", "£10k", "ten thousand"])
      expect(analyse(spelling)).toEqual(tenK);
    expect(analyse("£120,000")).not.toEqual(tenK);
    expect(analyse("120k")).toEqual(analyse("£120,000"));
  });

  it("stems and drops stop words", () => {
    expect(analyse("When do the projects start delivering?")).toEqual(analyse("project start delivery"));
    expect(analyse("what is the")).toEqual([]);
  });

  it("keeps unrelated words apart", () => {
    expect(analyse("grant")).not.toEqual(analyse("coaching"));
    expect(analyse("weather")).not.toEqual(analyse("grant"));
  });
});
