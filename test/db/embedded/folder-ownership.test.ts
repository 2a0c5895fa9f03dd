import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { claimDataFolder, DataFolderBusyError, type OwnedFolder } from "../../../src/db/claim-data-folder.js";
import { processStartIdentity } from "../../../src/db/process-identity.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

/**
 * Promise: one owner per embedded data folder, decided before anything opens it (issue 12, point 1).
 * In-process for the rules; child processes for the races, where atomicity is what counts.
 */
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const root = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-owner-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFolder = () => path.join(root, `db${++n}`);
const serving = { host: "127.0.0.1", port: 5999, user: "postgres", password: "pw", database: "postgres" };

function writeLock(folder: string, record: Record<string, unknown>) {
  fs.writeFileSync(
    `${folder}.lock`,
    JSON.stringify({ hostname: os.hostname(), role: "server", nonce: "x", ...record }),
  );
}

/** A process that is alive for the test's duration (a pid that is not ours). */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
}

describe("claiming an embedded data folder", () => {
  it("refuses a second server at once, naming the folder and the owner's pid", async () => {
    const folder = freshFolder();
    const first = (await claimDataFolder(folder, { role: "server" })) as OwnedFolder;
    expect(first.kind).toBe("own");
    const second = claimDataFolder(folder, { role: "server" });
    await expect(second).rejects.toBeInstanceOf(DataFolderBusyError);
    await expect(second).rejects.toThrow(
      `Cohort Bot cannot start: data folder ${folder} is already in use by another Cohort Bot server (pid ${process.pid}).`,
    );
    first.release();
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });

  it("keeps the lock private to the owner's user and adds the password only once the server serves", async () => {
    const folder = freshFolder();
    const owner = (await claimDataFolder(folder, { role: "server" })) as OwnedFolder;
    expect(fs.statSync(`${folder}.lock`).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(`${folder}.lock`, "utf8")).not.toContain("password");
    owner.publish(serving);
    expect(fs.statSync(`${folder}.lock`).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(`${folder}.lock`, "utf8")).serving).toEqual(serving);
    owner.release();
  });

  it("makes the CLI wait while a server is still opening the folder, then join it", async () => {
    const folder = freshFolder();
    const server = (await claimDataFolder(folder, { role: "server" })) as OwnedFolder;
    const waits: string[] = [];
    const cli = claimDataFolder(folder, { role: "cli", onWait: (line) => waits.push(line) });
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]).toContain("the Cohort Bot server (still starting)");
    server.publish(serving);
    await expect(cli).resolves.toMatchObject({ kind: "join", owner: { pid: process.pid, serving } });
    expect(waits).toHaveLength(1); // said once, not once per poll
    server.release();
  });

  it("makes a server wait for a CLI command, then own the folder (it never joins the CLI's database)", async () => {
    const folder = freshFolder();
    const cli = (await claimDataFolder(folder, { role: "cli" })) as OwnedFolder;
    cli.publish(serving); // even if a CLI's lock said how to reach it, a server must not join it
    const waits: string[] = [];
    const server = claimDataFolder(folder, { role: "server", onWait: (line) => waits.push(line) });
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]).toBe(
      `data folder ${folder} is in use by a cohort command (pid ${process.pid}); waiting up to 60 s for it…`,
    );
    cli.release();
    const claim = await server;
    expect(claim.kind).toBe("own");
    (claim as OwnedFolder).release();
  });

  it("gives up after the bounded wait with one line", async () => {
    const folder = freshFolder();
    const cli = (await claimDataFolder(folder, { role: "cli" })) as OwnedFolder;
    await expect(claimDataFolder(folder, { role: "server", waitMs: 1_000 })).rejects.toThrow(
      `Cohort Bot cannot start: data folder ${folder} is still in use by a cohort command (pid ${process.pid}) after 1 s. Let it finish (or stop it), then try again.`,
    );
    cli.release();
  });

  it("takes over a lock whose owner died", async () => {
    const folder = freshFolder();
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => dead.once("exit", resolve));
    writeLock(folder, { pid: dead.pid, started: null });
    const claim = await claimDataFolder(folder, { role: "server" });
    expect(claim.kind).toBe("own");
    (claim as OwnedFolder).release();
  });

  it("takes over a lock whose pid now belongs to another process (PID reuse), not one whose owner runs", async () => {
    const folder = freshFolder();
    const other = liveProcess();
    try {
      await vi.waitFor(() => expect(processStartIdentity(other.pid ?? 0)).not.toBeNull());
      writeLock(folder, { pid: other.pid, started: processStartIdentity(other.pid ?? 0) });
      await expect(claimDataFolder(folder, { role: "server" })).rejects.toThrow(`(pid ${other.pid})`);
      writeLock(folder, { pid: other.pid, started: "linux:another-boot:12345" });
      const claim = await claimDataFolder(folder, { role: "server" });
      expect(claim.kind).toBe("own");
      (claim as OwnedFolder).release();
    } finally {
      other.kill();
    }
  });

  it("never joins an incomplete address (pg would fill in localhost:5432, another database)", async () => {
    const folder = freshFolder();
    const other = liveProcess();
    try {
      await vi.waitFor(() => expect(processStartIdentity(other.pid ?? 0)).not.toBeNull());
      const started = processStartIdentity(other.pid ?? 0);
      for (const bad of [
        {},
        { host: "127.0.0.1", user: "postgres" },
        { ...serving, host: "10.0.0.5" },
        { ...serving, password: "" },
      ]) {
        writeLock(folder, { pid: other.pid, started, serving: bad });
        await expect(claimDataFolder(folder, { role: "cli", waitMs: 300 })).rejects.toThrow(/still starting/);
      }
      writeLock(folder, { pid: other.pid, started, serving });
      await expect(claimDataFolder(folder, { role: "cli" })).resolves.toMatchObject({ kind: "join" });
    } finally {
      other.kill();
    }
  });

  it("lets exactly one of several processes racing for a free folder own it", async () => {
    expect(await race(freshFolder())).toEqual({ own: 1, busy: 5 });
  });

  it("lets exactly one of several processes racing over a stale lock own it", async () => {
    const folder = freshFolder();
    writeLock(folder, { pid: 2 ** 22 + 7, started: null }); // above pid_max: never alive
    expect(await race(folder)).toEqual({ own: 1, busy: 5 });
  });
});

/** Six contenders claim the folder at the same instant (a go file); counts what each got. */
async function race(folder: string): Promise<Record<string, number>> {
  const goFile = `${folder}.go`;
  const releaseFile = `${folder}.release`;
  const outputs = Array.from({ length: 6 }, () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/db/embedded/fixtures/claim-once.ts", folder, goFile, releaseFile],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    return { out: () => out, exited: new Promise((resolve) => child.once("exit", resolve)) };
  });
  await vi.waitFor(() => expect(outputs.every((o) => o.out().includes("ready"))).toBe(true), { timeout: 60_000 });
  fs.writeFileSync(goFile, "");
  await vi.waitFor(() => expect(outputs.every((o) => o.out().split("\n").length > 2)).toBe(true), { timeout: 60_000 });
  fs.writeFileSync(releaseFile, "");
  await Promise.all(outputs.map((o) => o.exited));
  const counts: Record<string, number> = {};
  for (const o of outputs) {
    const result = o.out().split("\n")[1] ?? "none";
    counts[result] = (counts[result] ?? 0) + 1;
  }
  return counts;
}
