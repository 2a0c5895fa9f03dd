import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProgrammeFileError, parseProgrammeSource } from "../../src/config/load-programme-file.js";

/**
 * Promise: whatever a programme file contains, the loader either accepts a valid programme or rejects
 * it with located, human-readable problems — never a crash, never an invalid value let through.
 */
const seed = fs.readFileSync("prisma/seed/sp-innovators.yaml", "utf8");
const seedLines = seed.split("\n");

function check(source: string): "accepted" | "rejected" {
  try {
    const file = parseProgrammeSource(source, "fuzz.yaml");
    // Accepted files must really satisfy the rules the importer relies on.
    expect(file.teams.length).toBeGreaterThan(0);
    expect(new Set(file.teams.map((t) => t.key)).size).toBe(file.teams.length);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(ProgrammeFileError);
    const problems = (error as ProgrammeFileError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.message.length).toBeGreaterThan(3);
      expect(p.message).not.toMatch(/\[object Object\]|undefined/);
    }
    return "rejected";
  }
}

describe("bad input: programme files", () => {
  it("survives arbitrary text", () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        if (check(`programme:\n  slug: x\n${text}`) === "rejected") rejected++;
      }),
      { numRuns: 300 },
    );
    expect(rejected).toBeGreaterThan(250);
  });

  it("survives the seed with lines deleted, duplicated or rewritten", () => {
    const outcomes = { accepted: 0, rejected: 0 };
    const junk = fc.constantFrom(
      "  bad: [unclosed",
      "key: UPPER",
      "due: 2023-02-30 10:00",
      "team: nowhere",
      "- key: x",
      "\t",
      "award: -5",
      "slack: nope",
      "starts: yesterday",
      "minutes: 9999",
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seedLines.length - 1 }),
        fc.constantFrom("delete", "duplicate", "replace"),
        junk,
        (line, op, replacement) => {
          const lines = [...seedLines];
          if (op === "delete") lines.splice(line, 1);
          else if (op === "duplicate") lines.splice(line, 0, lines[line] ?? "");
          else lines[line] = (lines[line]?.match(/^\s*/)?.[0] ?? "") + replacement.trim();
          outcomes[check(lines.join("\n"))]++;
        },
      ),
      { numRuns: 250 },
    );
    expect(outcomes.rejected).toBeGreaterThan(50);
  });
});
