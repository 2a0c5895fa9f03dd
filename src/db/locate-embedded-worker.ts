import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What `new Worker(...)` runs for the database thread: a module file, or code to eval. */
export type WorkerEntry = { file: URL } | { evalCode: string };

let located: Promise<WorkerEntry> | undefined;

/**
 * From dist/ (what `npm start` runs) the thread loads embedded-worker.js next to this file. From the
 * TypeScript sources (tsx, vitest) a thread has no TypeScript loader: registering tsx in each one costs
 * ~0.2–0.8 s (it starts its own loader thread), paid by every test database. So the worker's few source
 * files are bundled once (esbuild, packages left external) into node_modules/.cache, where its imports
 * still resolve; tsx in the thread is the fallback if that cannot be written.
 */
export function locateEmbeddedWorker(): Promise<WorkerEntry> {
  if (!import.meta.url.endsWith(".ts")) {
    return Promise.resolve({ file: new URL("./embedded-worker.js", import.meta.url) });
  }
  located ??= bundleSources().catch(() => ({ evalCode: tsxBootstrap() }));
  return located;
}

async function bundleSources(): Promise<WorkerEntry> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./embedded-worker.ts", import.meta.url))],
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const dir = fileURLToPath(new URL("../../node_modules/.cache/cohort-bot/", import.meta.url));
  const file = path.join(dir, `embedded-worker-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, file); // concurrent test processes write the same bytes; rename is atomic
  }
  return { file: pathToFileURL(file) };
}

function tsxBootstrap(): string {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./embedded-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
}
