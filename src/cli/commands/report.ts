import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { renderProgrammeReport } from "../../web/report/render-report.js";
import { CliInputError } from "../cli-error.js";
import { withCliProgramme } from "./pick-programme.js";

/**
 * `report --programme <slug> --out <file.html> [--format html|pdf]`: the end-of-programme report as one
 * self-contained HTML file (print it to PDF from any browser). `--format pdf` prints it with a local
 * Chromium or Chrome when there is one (CHROMIUM_PATH, else the usual names on PATH).
 */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write the end-of-programme report (one self-contained HTML file)")
    .requiredOption("--out <file>", "where to write it, e.g. report.html")
    .option("--programme <slug>", "programme slug (default: the only or first programme)")
    .option("--format <format>", "html, or pdf (needs Chromium or Chrome on this machine)", "html")
    .action(async (opts: { out: string; programme?: string; format: string }) => {
      if (opts.format !== "html" && opts.format !== "pdf")
        throw new CliInputError(`--format must be html or pdf (got "${opts.format}")`);
      const browser = opts.format === "pdf" ? findBrowser() : null;
      if (opts.format === "pdf" && !browser)
        throw new CliInputError(
          "--format pdf needs Chromium or Chrome (set CHROMIUM_PATH). Write the HTML instead and use Print → Save as PDF.",
        );
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const started = performance.now();
        const html = await renderProgrammeReport({ deps, programme });
        const ms = Math.round(performance.now() - started);
        if (browser) await printPdf(browser, html, opts.out);
        else writeFileSync(opts.out, html);
        const size = statSync(opts.out).size;
        process.stderr.write(
          `Wrote the ${programme.name} report to ${opts.out} (${(size / 1024).toFixed(0)} KB, rendered in ${ms} ms).\n`,
        );
      });
    });
}

function findBrowser(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    ...["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].flatMap((name) =>
      (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, name)),
    ),
  ];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string)) ?? null;
}

/** Headless Chromium's own "Print → PDF": the report's print stylesheet decides the pages. */
async function printPdf(browser: string, html: string, out: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "cohort-report-"));
  try {
    const source = path.join(dir, "report.html");
    writeFileSync(source, html);
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${path.resolve(out)}`,
      pathToFileURL(source).href,
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ["ignore", "ignore", "pipe"] });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`${browser} could not print the report (exit ${code})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
