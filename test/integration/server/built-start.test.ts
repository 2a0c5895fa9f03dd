import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-built-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `npm start` = "prestart" (scripts/build-js.mjs → dist/) then "start" (node <flags> dist/main.js). */
describe("npm start runs the built JavaScript", () => {
  it("builds dist/ and serves /healthz, the seed programme and the playground's files from it", async () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8"));
    expect(scripts.prestart).toBe("node scripts/build-js.mjs");
    execFileSync(process.execPath, ["scripts/build-js.mjs"], { stdio: "pipe" });
    const [node, ...args] = scripts.start.split(/\s+/);
    expect(node).toBe("node");
    expect(args.at(-1)).toBe("dist/main.js");

    const server = await spawnServer({ DATABASE_URL: `pglite:${dir}/db`, HOST: "127.0.0.1" }, { args });
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
      // The seed file and migrations are found from dist/ (same folder depth as src/).
      expect(server.output()).toMatch(/imported the seed programme/);
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      const script = await fetch(`${server.url}/playground/static/playground.js`);
      expect(script.status).toBe(200);
      expect(await script.text()).toBe(fs.readFileSync("src/platforms/local/public/playground.js", "utf8"));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("a second build with nothing changed is skipped", () => {
    const before = fs.statSync("dist/main.js").mtimeMs;
    execFileSync(process.execPath, ["scripts/build-js.mjs"], { stdio: "pipe" });
    expect(fs.statSync("dist/main.js").mtimeMs).toBe(before);
  });
});
