import { describe, expect, it } from "vitest";
import {
  loadProgrammeFile,
  ProgrammeFileError,
  parseProgrammeSource,
} from "../../../src/config/load-programme-file.js";

const base = `programme:
  slug: demo
  name: Demo programme
  starts: 2022-10-01
  ends: 2023-03-31
  grantPerTeam: 10000
teams:
  - key: alpha
    name: Alpha
  - key: beta
    name: Beta
`;

function problems(source: string) {
  try {
    parseProgrammeSource(source, "demo.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ProgrammeFileError);
    return (error as ProgrammeFileError).problems;
  }
  throw new Error("expected the file to be rejected");
}

describe("programme file", () => {
  it("accepts the shipped SP Innovators seed", () => {
    const file = loadProgrammeFile("prisma/seed/sp-innovators.yaml");
    expect(file.programme.name).toMatch(/Innovators/);
    expect(file.teams).toHaveLength(12);
    expect(file.programme.totalFunding).toBe(120_000);
    expect(file.reportingCycles.map((c) => c.month)).toEqual([
      "2022-10",
      "2022-11",
      "2022-12",
      "2023-01",
      "2023-02",
      "2023-03",
    ]);
  });

  it("accepts a minimal file and fills defaults", () => {
    const file = parseProgrammeSource(base);
    expect(file.programme.timeZone).toBe("Europe/London");
    expect(file.faq).toEqual([]);
  });

  it("reports a YAML syntax error with its line", () => {
    const [p] = problems(`${base}  bad: [unclosed\n`);
    expect(p?.line).toBeGreaterThan(10);
    expect(p?.message).toMatch(/YAML syntax/);
  });

  it("reports a bad date with the line and field", () => {
    const found = problems(base.replace("starts: 2022-10-01", "starts: 2022-13-01"));
    expect(found).toContainEqual(expect.objectContaining({ line: 4, path: "programme.starts" }));
  });

  it("reports an unknown team reference", () => {
    const found = problems(
      `${base}milestones:\n  - key: kick-off\n    title: Kick-off\n    team: gamma\n    due: 2022-10-03 10:00\n`,
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        line: 15,
        path: "milestones[0].team",
        message: expect.stringMatching(/unknown team "gamma"/),
      }),
    );
  });

  it("reports duplicate team names and keys", () => {
    const found = problems(base.replace("key: beta\n    name: Beta", "key: alpha\n    name: Alpha"));
    expect(found.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/duplicate team key "alpha"/),
        expect.stringMatching(/duplicate team name "Alpha"/),
      ]),
    );
    expect(found.every((p) => p.line === 10 || p.line === 11)).toBe(true);
  });

  it("reports unknown fields, missing fields and a user id used twice", () => {
    const file = `${base.replace("  grantPerTeam: 10000", "  grantPerTeam: 10000\n  budget: 5")}staff:\n  - key: sam\n    name: Sam\n    slack: U0SAME\n  - key: kim\n    name: Kim\n    slack: U0SAME\n`;
    const found = problems(file);
    expect(found).toContainEqual(expect.objectContaining({ path: "programme", message: "unknown field(s): budget" }));
    expect(found).toContainEqual(
      expect.objectContaining({ path: "staff[1].slack", message: expect.stringMatching(/already used/) }),
    );
    const missing = problems(base.replace("  name: Demo programme\n", ""));
    expect(missing).toContainEqual(expect.objectContaining({ path: "programme.name", message: "is required" }));
  });

  it("names the file in the error message", () => {
    expect(() => loadProgrammeFile("test/fixtures/does-not-exist.yaml")).toThrowError(
      /does-not-exist.yaml:0:0: file not found/,
    );
    expect(() => parseProgrammeSource(base.replace("2023-03-31", "2022-09-01"), "x.yaml")).toThrowError(
      /^x\.yaml:5:3: programme\.ends: ends must be on or after starts/,
    );
  });
});
