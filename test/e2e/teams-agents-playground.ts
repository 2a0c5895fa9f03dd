import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { freePort } from "../support/spawn-server.js";

const require = createRequire(import.meta.url);
export const PACKAGE_DIR = path.dirname(require.resolve("@microsoft/m365agentsplayground/package.json"));
export const GUARD = fileURLToPath(new URL("./teams-network-guard.mjs", import.meta.url));

export type PlaygroundUser = { name: string; aadObjectId: string };

export type AgentsPlayground = {
  url: string;
  /** Connections the playground tried to open to anything but loopback (all refused). */
  outsideAttempts(): string[];
  /** The playground's own log (its console, activities in and out). */
  log(): string;
  stop(): Promise<void>;
};

/**
 * Starts Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) against our bot on a free
 * loopback port, in a temporary working directory holding its `.m365agentsplayground.yml`. The config
 * starts from the playground's own default (embedded in its dist/index.js, so the required fields and the
 * five sample users stay what this version expects) with the signed-in user, the tenant, the bot and the
 * team replaced: the team's General channel gets `channelId`, the conversation id the programme file lists.
 *
 * Offline by construction: --dt turns its telemetry events off, APPLICATION_INSIGHTS_NO_STATSBEAT stops
 * the Application Insights SDK probing the Azure metadata address (169.254.169.254) even with --dt,
 * TEAMSAPPTESTER_BROWSER=none stops it opening a browser, and the preloaded network guard refuses (and
 * records) any other non-loopback connection and pins its listener to 127.0.0.1.
 */
export async function startAgentsPlayground(input: {
  botEndpoint: string;
  user: PlaygroundUser;
  team: { name: string; channelId: string };
}): Promise<AgentsPlayground> {
  const dir = mkdtempSync(path.join(tmpdir(), "agents-playground-"));
  const guardLog = path.join(dir, "network-guard.log");
  writeFileSync(path.join(dir, ".m365agentsplayground.yml"), playgroundConfig(input));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [
      "--import",
      GUARD,
      path.join(PACKAGE_DIR, "cli.js"),
      ...["-e", input.botEndpoint, "-c", "msteams", "-p", String(port), "--su", `${url}/_connector`, "--dt"],
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        NET_GUARD_LOG: guardLog,
        APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
        TEAMSAPPTESTER_BROWSER: "none",
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, "playground.log"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const readLog = () => {
    try {
      return readFileSync(path.join(dir, "playground.log"), "utf8");
    } catch {
      return output;
    }
  };
  await waitForListening(child, port, readLog);
  return {
    url,
    outsideAttempts: () => {
      try {
        return readFileSync(guardLog, "utf8").split("\n").filter(Boolean);
      } catch {
        return [];
      }
    },
    log: readLog,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The playground's default config with our tenant, bot, user and team; see startAgentsPlayground. */
export function playgroundConfig(input: { user: PlaygroundUser; team: { name: string; channelId: string } }): string {
  const config = YAML.parse(defaultConfigText());
  const [givenName, ...rest] = input.user.name.split(" ");
  config.tenantId = "72f988bf-0000-0000-0000-000000000001";
  config.bot = { id: "28:cohort-bot", name: "Cohort Bot" };
  config.currentUser = {
    ...config.currentUser,
    name: input.user.name,
    givenName,
    surname: rest.join(" "),
    aadObjectId: input.user.aadObjectId,
  };
  config.personalChat = { id: "a:personal-chat" };
  config.groupChat = { id: "19:group-chat@thread.v2", name: "SPI link worker leads" };
  config.team = {
    ...config.team,
    id: input.team.channelId,
    name: input.team.name,
    // The playground always shows one channel besides General; this one is not in the programme file.
    channels: [{ id: "19:spi-random@thread.tacv2", name: "Random" }],
  };
  return YAML.stringify(config);
}

function defaultConfigText(): string {
  const bundle = readFileSync(path.join(PACKAGE_DIR, "dist/index.js"), "utf8");
  const literal = bundle.match(/defaultConfigFileContent='((?:[^'\\]|\\.)*)'/)?.[1];
  if (!literal) throw new Error("defaultConfigFileContent not found in the Agents Playground bundle");
  // A single-quoted JS string literal: the escapes it uses (\n, \") are JSON's too, once ' is unescaped.
  return JSON.parse(`"${literal.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`);
}

async function waitForListening(child: ChildProcess, port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`Agents Playground did not answer in time:\n${log()}`);
}
