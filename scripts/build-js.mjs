// Transpiles src/**/*.ts (the generated Prisma client included) to dist/**/*.js, file for file, so
// `npm start` runs plain JavaScript: no TypeScript loader in the server (~60 MB less memory, ~0.4 s
// faster start). Type checking stays with `npm run typecheck`; this only strips types.
// dist/ keeps src/'s folder depth, so `new URL("../../prisma/...", import.meta.url)` still reaches the
// repository root. Skipped in a few ms when dist/ is newer than every file under src/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");
const dist = path.join(root, "dist");
const stamp = path.join(dist, ".built");

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const files = walk(src);
const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
// A deleted source file leaves its old output behind; comparing the folder mtimes catches that too.
const newest = Math.max(
  ...files.map((f) => fs.statSync(f).mtimeMs),
  ...walkDirs(src).map((d) => fs.statSync(d).mtimeMs),
);
if (builtAt > newest && !process.argv.includes("--force")) process.exit(0);

function walkDirs(dir, out = [dir]) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walkDirs(path.join(dir, entry.name), out);
  }
  return out;
}

const started = performance.now();
// Only what an earlier build wrote: dist/ also holds other outputs (the Teams app package).
for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
  const base = path.join(dist, entry.name.replace(/\.ts$/, ".js"));
  for (const target of entry.isDirectory() ? [base] : [base, `${base}.map`]) {
    fs.rmSync(target, { recursive: true, force: true });
  }
}
const sources = files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
await build({
  entryPoints: sources,
  outbase: src,
  outdir: dist,
  bundle: false,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
// Assets read at run time next to their module (the playground's page, script and styles).
for (const file of files.filter((f) => !f.endsWith(".ts"))) {
  const target = path.join(dist, path.relative(src, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
process.stderr.write(`built dist/ from ${sources.length} files in ${Math.round(performance.now() - started)} ms\n`);
