import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The core is platform-neutral: no platform SDK, no ORM, no HTTP, no generated client. */
const FORBIDDEN = [
  /^@slack\//,
  /^@microsoft\//,
  /^@prisma\//,
  /^prisma/,
  /^pg$/,
  /^@electric-sql\//,
  /generated\//,
  /^node:http/,
  /^openai$/,
  /platforms\//,
  /\/db\//,
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;
  for (const m of source.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

describe("import boundary", () => {
  const files = sourceFiles("src/core");

  it("finds the core's files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("detects a forbidden import when there is one (the check itself works)", () => {
    const imports = importsOf(`import { App } from "@slack/bolt";\nconst x = await import("@prisma/client");`);
    expect(imports.filter((i) => FORBIDDEN.some((f) => f.test(i)))).toEqual(["@slack/bolt", "@prisma/client"]);
  });

  it("src/core/** imports no @slack/*, @microsoft/*, @prisma/*, database or HTTP modules", () => {
    const offences = files.flatMap((file) =>
      importsOf(fs.readFileSync(file, "utf8"))
        .filter((i) => FORBIDDEN.some((f) => f.test(i)))
        .map((i) => `${file} imports ${i}`),
    );
    expect(offences).toEqual([]);
  });

  it("src/core/** never reads the wall clock directly (time comes from the Clock port)", () => {
    const offences = files
      .filter((f) => !f.endsWith("ports/clock.ts"))
      .filter((f) => /Date\.now\(\)|new Date\(\)/.test(fs.readFileSync(f, "utf8")));
    expect(offences).toEqual([]);
  });
});
