import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/open-database.js";
import {
  askThrough,
  isHealthy,
  type RunningProcess,
  settle,
  startCli,
  startServerProcess,
  stop,
} from "./support/embedded-processes.js";

/**
 * Promise (issue 12, points 1 and 2): on one embedded data folder the CLI joins a running server; a
 * server started while the CLI holds the folder waits for it and never joins the CLI's database; a
 * process whose database goes away says so in one line and exits; a dead owner's lock (even one whose
 * pid was reused) does not block a start; and the database answers only with this start's password.
 */
vi.setConfig({ testTimeout: 300_000 });

const root = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-rel-cli-"));
const running: RunningProcess[] = [];
afterAll(async () => {
  for (const p of running) await stop(p);
  fs.rmSync(root, { recursive: true, force: true });
});
let n = 0;
const freshFolder = () => path.join(root, `case-${++n}`, "db");

async function healthyServer(dir: string, extraArgs: string[] = []) {
  const server = await startServerProcess(dir, extraArgs);
  running.push(server);
  expect(await settle(server), server.stderr()).toBe("healthy");
  return server;
}

function cli(dir: string, args: string[]) {
  const proc = startCli(dir, args);
  running.push(proc);
  return proc;
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

describe("embedded data folder: the CLI and the server", () => {
  it("the CLI joins a running server, and exits with one line if the server stops under it", async () => {
    const dir = freshFolder();
    const server = await healthyServer(dir);
    const lockBefore = fs.readFileSync(`${dir}.lock`, "utf8");
    expect(await askThrough(server, "joined-1")).toBe(true);

    const list = cli(dir, ["faq", "unanswered", "--json"]);
    list.process.stdin?.end();
    expect(await list.exited).toBe(0);
    expect(list.stdout()).toContain("joined-1"); // the server's live data, read through the server
    expect(list.stderr()).toBe("");
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(lockBefore); // the server still owns it
    expect(await isHealthy(server)).toBe(true);

    const asking = cli(dir, ["faq", "ask", "--json"]);
    asking.process.stdin?.write("when is the next coaching session?\n");
    await vi.waitFor(() => expect(asking.stdout()).toContain('"answered"'), { timeout: 60_000 });
    expect(await stop(server)).toBe(0);
    // Bounded so that a CLI left running without its database fails the test instead of hanging it.
    await vi.waitFor(() => expect(asking.running()).toBe(false), { timeout: 60_000, interval: 200 });
    expect(await asking.exited).toBe(1);
    expect(lines(asking.stderr())).toEqual([
      `cohort: the Cohort Bot server (pid ${server.pid}) that owns data folder ${dir} stopped while this command ran; run it again.`,
    ]);
  });

  it("a server started while the CLI holds the folder waits for it, then opens the folder itself", async () => {
    const dir = freshFolder();
    const holder = cli(dir, ["faq", "ask", "--json"]);
    holder.process.stdin?.write("what is the grant?\n");
    await vi.waitFor(() => expect(holder.stdout()).toContain('"answered"'), { timeout: 90_000 });

    const server = await startServerProcess(dir);
    running.push(server);
    await vi.waitFor(() => expect(server.stderr()).toContain("waiting"), { timeout: 60_000 });
    expect(lines(server.stderr())).toEqual([
      `Cohort Bot: data folder ${dir} is in use by a cohort command (pid ${holder.pid}); waiting up to 60 s for it…`,
    ]);
    expect(await isHealthy(server)).toBe(false); // it did not join the CLI's database

    holder.process.stdin?.end();
    expect(await holder.exited).toBe(0);
    expect(await settle(server)).toBe("healthy");
    const lock = JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8"));
    expect(lock).toMatchObject({ pid: server.pid, role: "server" });
    expect(await askThrough(server, "after-cli")).toBe(true);
    expect(await stop(server)).toBe(0);
  });

  it("starts over a lock left by a dead owner whose pid now belongs to another process", async () => {
    const dir = freshFolder();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // This test runner is alive, but it is not the process that wrote the lock (another start time).
    const stale = {
      pid: process.pid,
      started: "linux:an-earlier-boot:4242",
      hostname: os.hostname(),
      role: "server",
      nonce: "stale",
      serving: { host: "127.0.0.1", port: 9, user: "postgres", password: "old", database: "postgres" },
    };
    fs.writeFileSync(`${dir}.lock`, JSON.stringify(stale), { mode: 0o600 });
    const server = await healthyServer(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8"))).toMatchObject({ pid: server.pid });
    expect(await stop(server)).toBe(0);
  });

  it("answers only with this start's password, given to joiners in a lock file only its owner can read", async () => {
    const dir = freshFolder();
    const server = await healthyServer(dir);
    const file = `${dir}.lock`;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { serving } = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(serving).toMatchObject({ host: "127.0.0.1", user: "postgres" });
    const attempt = async (password: string | undefined) => {
      const client = new pg.Client({ ...serving, password });
      client.on("error", () => {});
      try {
        await client.connect();
        return (await client.query('SELECT count(*)::int AS n FROM "Programme"')).rows[0].n;
      } finally {
        await client.end().catch(() => {});
      }
    };
    await expect(attempt(undefined)).rejects.toThrow(/password/);
    await expect(attempt("guessed")).rejects.toMatchObject({ code: "28P01" });
    expect(await attempt(serving.password)).toBeGreaterThan(0);
    expect(await stop(server)).toBe(0);
  });

  it("a server whose database thread dies says so in one line and exits 1; the folder starts again", async () => {
    const dir = freshFolder();
    const server = await healthyServer(dir, ["--import", "./test/support/database-thread-killer.mjs"]);
    expect(await askThrough(server, "before-crash")).toBe(true);
    server.process.kill("SIGUSR2");
    expect(await server.exited).toBe(1);
    expect(lines(server.stderr())).toEqual([
      `Cohort Bot stopped: the embedded database (data folder ${dir}) stopped unexpectedly: its thread exited with code 1. Start it again: the data folder recovers as after a power cut.`,
    ]);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    const again = await healthyServer(dir);
    await stop(again);
    const db = await openDatabase({ kind: "pglite", dir });
    try {
      const questions = await db.prisma.askedQuestion.findMany({ select: { question: true } });
      expect(questions.some((q) => q.question.includes("before-crash"))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
