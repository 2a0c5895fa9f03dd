import fs from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "../db/database-url.js";
import { type Env, EnvError } from "./env.js";

/**
 * Checks the environment against the file system before anything starts: the embedded database's folder
 * must be a folder we can write (a file there used to end in "failed to start: [object Object]" after
 * seconds of start-up), and a PROGRAMME_SEED that is set must be a file. Throws EnvError (one line
 * naming the variable and the path); the CLI turns that into exit code 2, the server into exit code 2.
 */
export function preflight(env: Env): void {
  const problems = [dataFolderProblem(env), seedFileProblem(env)].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new EnvError(problems.join("\n"));
}

function dataFolderProblem(env: Env): string | null {
  const target = parseDatabaseUrl(env.DATABASE_URL);
  if (target.kind !== "pglite" || target.dir === null) return null;
  const named = env.DATABASE_URL ? "DATABASE_URL" : "DATABASE_URL (unset: the default data folder)";
  const dir = target.dir;
  const existing = nearestExisting(dir);
  if (!existing) return `Invalid environment: ${named} ${dir}: no part of this path exists`;
  if (!existing.stat.isDirectory()) {
    return existing.path === dir
      ? `Invalid environment: ${named} ${dir} is a file, not a folder: move the file or point DATABASE_URL=pglite:<folder> elsewhere`
      : `Invalid environment: ${named} ${dir} cannot be created because ${existing.path} is a file, not a folder`;
  }
  try {
    fs.accessSync(existing.path, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return `Invalid environment: ${named} ${existing.path} is not writable by this user`;
  }
  return null;
}

function seedFileProblem(env: Env): string | null {
  if (!env.PROGRAMME_SEED) return null;
  const file = path.resolve(env.PROGRAMME_SEED);
  try {
    if (fs.statSync(file).isFile()) return null;
    return `Invalid environment: PROGRAMME_SEED ${file} is not a file`;
  } catch {
    return `Invalid environment: PROGRAMME_SEED ${file}: file not found`;
  }
}

/** The path itself or its closest ancestor that exists (the database creates the rest). */
function nearestExisting(dir: string): { path: string; stat: fs.Stats } | null {
  let current = dir;
  for (;;) {
    try {
      return { path: current, stat: fs.statSync(current) };
    } catch (error) {
      // ENOTDIR: a component is a file; stat that component on the way up.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return null;
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
