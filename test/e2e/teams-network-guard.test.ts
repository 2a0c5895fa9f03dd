import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/spawn-server.js";
import { GUARD, PACKAGE_DIR, playgroundConfig } from "./teams-agents-playground.js";

const TEAM = { name: "SPI Tower Hamlets", channelId: "19:spi-tower-hamlets@thread.tacv2" };
const USER = { name: "Aisha Rahman", aadObjectId: "3f6d2c1a-0a11-4c5e-8f00-0000000c0101" };

function guardLines(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Runs the playground's CLI with a config it rejects (no sample users), so it reports the error and exits:
 * the one path on which it tracks telemetry although --dt is given.
 */
async function failingPlaygroundStart(env: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "agents-playground-bad-"));
  writeFileSync(
    path.join(dir, ".m365agentsplayground.yml"),
    playgroundConfig({ user: USER, team: TEAM }).replace(/^users:[\s\S]*?^(?=personalChat:)/m, "users: []\n"),
  );
  const log = path.join(dir, "guard.log");
  const cli = path.join(PACKAGE_DIR, "cli.js");
  const args = ["-e", "http://127.0.0.1:9/api/messages", "-c", "msteams", "-p", String(await freePort()), "--dt"];
  const run = spawnSync(process.execPath, ["--import", GUARD, cli, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, TEAMSAPPTESTER_BROWSER: "none", NET_GUARD_LOG: log, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  try {
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, "devTools/m365agentsplayground.log"), "utf8")).toContain(
      "Failed to parse config",
    );
    return guardLines(log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the network guard around Microsoft 365 Agents Playground", () => {
  it("refuses and records a connection to a non-loopback address; loopback still works", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "net-guard-"));
    const log = path.join(dir, "guard.log");
    const script = `
      const net = require("node:net");
      const server = net.createServer((s) => s.end("ok")).listen(0, () => {
        const local = net.connect(server.address().port, "127.0.0.1");
        local.on("data", () => {
          const outside = net.connect(443, "192.0.2.1");
          outside.on("error", (e) => {
            // The way HTTP clients connect (through an agent, with a request path in the options) is caught too.
            require("node:http").get("http://192.0.2.2/metadata").on("error", (f) => {
              console.log(e.code, f.code, server.address().address);
              process.exit(0);
            });
          });
        });
      });`;
    const out = execFileSync(process.execPath, ["--import", GUARD, "-e", script], {
      env: { ...process.env, NET_GUARD_LOG: log },
      encoding: "utf8",
    });
    // Refused before a packet left, and a listener without a host was pinned to loopback.
    expect(out.trim()).toBe("ECONNREFUSED ECONNREFUSED 127.0.0.1");
    expect(guardLines(log)).toEqual(["connect 192.0.2.1:443", "connect 192.0.2.2:80"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("--dt is not enough: on an error it still probes Azure's metadata address; NO_STATSBEAT stops that", async () => {
    expect(await failingPlaygroundStart({})).toContain("connect 169.254.169.254:80");
    expect(await failingPlaygroundStart({ APPLICATION_INSIGHTS_NO_STATSBEAT: "true" })).toEqual([]);
  }, 120_000);
});
