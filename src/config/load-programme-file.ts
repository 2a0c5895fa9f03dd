import fs from "node:fs";
import { isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { type ProgrammeFile, programmeFileSchema } from "../core/programme/programme-file.js";

/** One problem in a programme file, located for a human: file, line, column, field path. */
export type ProgrammeFileProblem = { line: number; column: number; path: string; message: string };

export class ProgrammeFileError extends Error {
  readonly file: string;
  readonly problems: ProgrammeFileProblem[];

  constructor(file: string, problems: ProgrammeFileProblem[]) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"));
    this.name = "ProgrammeFileError";
    this.file = file;
    this.problems = problems;
  }
}

/** Reads and validates a programme file; throws ProgrammeFileError with line-numbered problems. */
export function loadProgrammeFile(file: string): ProgrammeFile {
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new ProgrammeFileError(file, [{ line: 0, column: 0, path: "", message: reason }]);
  }
  return parseProgrammeSource(source, file);
}

export function parseProgrammeSource(source: string, file = "<programme>"): ProgrammeFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProgrammeFileError(
      file,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, path: "", message: `YAML syntax: ${firstLine(e.message)}` };
      }),
    );
  }
  const result = programmeFileSchema.safeParse(toPlainData(doc, lineCounter, file));
  if (result.success) return result.data;
  throw new ProgrammeFileError(file, locateIssues(result.error.issues, doc, lineCounter));
}

/**
 * Aliases (`*name`) may repeat a node at most MAX_ALIAS_COUNT times in all: nested aliases ("billion
 * laughs") would otherwise expand a 1 kB file into gigabytes. The yaml package enforces the limit and
 * throws a ReferenceError, which becomes a located problem here instead of a stack trace.
 */
const MAX_ALIAS_COUNT = 100;

function toPlainData(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const pos = lineCounter.linePos(offset);
    const message = /alias count/i.test(error.message)
      ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} copies): a programme file never needs this`
      : `YAML: ${firstLine(error.message)}`;
    throw new ProgrammeFileError(file, [{ line: pos.line, column: pos.col, path: "", message }]);
  }
}

function locateIssues(
  issues: z.core.$ZodIssue[],
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
): ProgrammeFileProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const offset = nearestNodeOffset(doc, path);
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col, path: formatPath(path), message: describe(issue) };
  });
}

/** Walks the path as far as the document goes, so a missing key points at its parent. */
function nearestNodeOffset(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] })?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as { range?: [number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_type") {
    return (issue as { input?: unknown }).input === undefined ? "is required" : issue.message;
  }
  return issue.message;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
