import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseProgrammeSource } from "../../../src/config/load-programme-file.js";
import { faqAudience } from "../../../src/core/faq/faq-audience.js";
import type { Programme } from "../../../src/core/programme/types.js";

const seed = readFileSync("test/fixtures/programmes/near-duplicate-faq.yaml", "utf8");
const withAudience = (value: string) =>
  seed.replace("  grantPerTeam: 10000", `  grantPerTeam: 10000\n  faqAudience: ${value}`);

describe("programme.faqAudience", () => {
  it("defaults to everyone, accepts members, and names the field when it is wrong", () => {
    expect(parseProgrammeSource(seed).programme.faqAudience).toBe("everyone");
    expect(parseProgrammeSource(withAudience("members")).programme.faqAudience).toBe("members");
    expect(() => parseProgrammeSource(withAudience("staff"))).toThrow(/faqAudience/);
  });

  it("is read from the programme's stored settings; anything unknown means everyone", () => {
    const programme = (settings: Record<string, unknown>) => ({ settings }) as Programme;
    expect(faqAudience(programme({ faqAudience: "members" }))).toBe("members");
    expect(faqAudience(programme({}))).toBe("everyone");
    expect(faqAudience(programme({ faqAudience: "nobody" }))).toBe("everyone");
  });
});
