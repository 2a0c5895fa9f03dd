import net from "node:net";
import os from "node:os";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../../src/db/embedded-postgres.js";

/**
 * Promise: the embedded database answers only a client that proves it knows this start's password
 * (SCRAM-SHA-256), and only on loopback. Before, anyone on the machine could connect as `postgres`
 * without a password and make themselves staff (issue 12, point 2).
 */
let db: EmbeddedPostgres;
beforeAll(async () => {
  db = await startEmbeddedPostgres(null);
});
afterAll(async () => {
  await db?.close();
});

async function connect(password: string | undefined) {
  const client = new pg.Client({ ...db.connection, password });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.query<{ n: number }>("SELECT 41 + 1 AS n")).rows[0]?.n;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("embedded database credentials", () => {
  it("has a long random password per start and listens on 127.0.0.1", () => {
    expect(db.connection.host).toBe("127.0.0.1");
    expect(db.connection.password?.length).toBeGreaterThanOrEqual(32);
  });

  it("lets the right password in", async () => {
    expect(await connect(db.connection.password)).toBe(42);
  });

  it("refuses a wrong password with PostgreSQL's own error", async () => {
    await expect(connect("not-the-password")).rejects.toMatchObject({
      code: "28P01",
      message: 'password authentication failed for user "postgres"',
    });
  });

  it("refuses a client without a password (pg gives up before sending one)", async () => {
    await expect(connect(undefined)).rejects.toThrow(/password/);
  });

  it("never passes a query to PGlite before the exchange: a raw startup then a query gets an error, no rows", async () => {
    const reply = await rawExchange(db.connection.port, [startupMessage("postgres"), queryMessage("SELECT 'leak'")]);
    expect(reply[0]).toBe(0x52); // 'R': the server asks for authentication (SASL) first
    expect(reply.toString("latin1")).toContain("SCRAM-SHA-256");
    expect(reply.toString("latin1")).toContain("28000"); // then refuses the query in place of a password
    expect(reply.toString("latin1")).not.toContain("leak");
  });

  it("survives whatever a client sends before authenticating, and still lets the right password in", async () => {
    const packet = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constant(startupMessage("postgres")),
      fc.constant(queryMessage("SELECT 1")),
      fc.tuple(fc.integer({ min: -1, max: 2 ** 31 - 1 }), fc.integer()).map(([length, code]) => {
        const b = Buffer.alloc(8);
        b.writeInt32BE(length, 0);
        b.writeInt32BE(code | 0, 4);
        return b;
      }),
      fc.string({ maxLength: 80 }).map((text) => saslMessage(text)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(packet, { minLength: 1, maxLength: 4 }), fc.boolean(), async (packets, hangUp) => {
        const sent = packets.map((p) => Buffer.from(p));
        const reply = await rawExchange(db.connection.port, sent, hangUp ? "hang-up" : "pause");
        // Never admitted: no AuthenticationOk, no ReadyForQuery.
        expect(reply.includes(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]))).toBe(false);
        expect(reply.includes(Buffer.from([0x5a, 0, 0, 0, 5]))).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect(await connect(db.connection.password)).toBe(42);
  });

  it("is not reachable on the machine's other addresses", async () => {
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === "IPv4")?.address;
    if (!outside) return; // no other interface here: nothing to check
    await expect(
      new Promise((resolve, reject) => {
        const socket = net.connect({ host: outside, port: db.connection.port }, () => resolve("connected"));
        socket.once("error", reject);
      }),
    ).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

function startupMessage(user: string): Buffer {
  const params = Buffer.from(`user\0${user}\0database\0postgres\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

function queryMessage(sql: string): Buffer {
  const body = Buffer.from(`${sql}\0`);
  const head = Buffer.alloc(5);
  head.write("Q", 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

function saslMessage(text: string): Buffer {
  const body = Buffer.from(`SCRAM-SHA-256\0\0\0\0\0${text}`);
  const head = Buffer.alloc(5);
  head.write("p", 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/**
 * Sends the packets and collects what the server says until it closes the connection ("wait"), until we
 * close it after a short pause (the server may be waiting for more), or at once ("hang-up").
 */
function rawExchange(port: number, packets: Buffer[], end: "wait" | "pause" | "hang-up" = "wait"): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.write(Buffer.concat(packets));
      if (end === "hang-up") socket.destroy();
      if (end === "pause") setTimeout(() => socket.destroy(), 200);
    });
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", () => {});
    socket.once("close", () => resolve(Buffer.concat(chunks)));
  });
}
