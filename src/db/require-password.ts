import type { Socket } from "node:net";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { SCRAM_MECHANISM, type ScramVerifier, scramExchange } from "./scram-sha-256.js";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const MAX_AUTH_MESSAGE = 16 * 1024;
/** A client that has not finished the exchange by then is cut off, so idle sockets do not pile up. */
const AUTH_TIMEOUT_MS = 10_000;

/**
 * PGlite trusts every connection (it has no users to check). This puts PostgreSQL's own password
 * exchange, SCRAM-SHA-256, in front of pglite-socket: a connection is handed to it (its StartupMessage
 * replayed, PGlite then answers AuthenticationOk) only after the client proved it knows the password.
 * Nothing a client sends reaches PGlite before that. Hooks pglite-socket 0.2.x's private
 * `handleConnection`, like serialize-protocol.ts hooks its queue; test/db/embedded/ fails if that changes.
 */
export function requirePassword(server: PGLiteSocketServer, verifier: ScramVerifier): void {
  const inner = server as unknown as { handleConnection(socket: Socket): Promise<void> };
  const admit = inner.handleConnection.bind(server);
  // Not yet pglite-socket's, so not closed by its stop(): without this, stop() would wait for them.
  const authenticating = new Set<Socket>();
  const stop = server.stop.bind(server);
  server.stop = () => {
    for (const socket of authenticating) socket.destroy();
    return stop();
  };
  inner.handleConnection = async (socket: Socket) => {
    authenticating.add(socket);
    const replay = await authenticate(socket, verifier);
    authenticating.delete(socket);
    if (!replay) return;
    socket.unshift(replay);
    await admit(socket);
    socket.resume();
  };
}

/** Runs the exchange; resolves with the bytes to replay to PGlite, or null once the socket is refused. */
function authenticate(socket: Socket, verifier: ScramVerifier): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const exchange = scramExchange(verifier);
    let buffer = Buffer.alloc(0);
    let startup: Buffer | null = null;
    let serverFirstSent = false;
    let settled = false;

    const settle = (replay: Buffer | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.pause(); // before dropping our listener: later bytes wait in the stream for pglite-socket
      socket.off("data", onData);
      resolve(replay);
    };
    const refuse = (code: string, message: string) => {
      settle(null);
      socket.end(errorResponse(code, message));
      setTimeout(() => socket.destroy(), 1_000).unref();
    };
    const timer = setTimeout(() => refuse("08006", "authentication timed out"), AUTH_TIMEOUT_MS);

    /** The next whole packet: untyped (length, code) until the StartupMessage, typed after it. */
    const nextPacket = (): Buffer | null => {
      const typed = startup !== null;
      const header = typed ? 5 : 8;
      if (buffer.length < header) return null;
      const length = typed ? 1 + buffer.readInt32BE(1) : buffer.readInt32BE(0);
      if (length < (typed ? 5 : 8) || length > MAX_AUTH_MESSAGE) {
        refuse("08P01", "invalid message length");
        return null;
      }
      if (buffer.length < length) return null;
      const packet = Buffer.from(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      return packet;
    };

    const onStartupPacket = (packet: Buffer) => {
      const code = packet.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST)
        socket.write("N"); // no TLS on loopback
      else if (code === CANCEL_REQUEST) {
        settle(null); // PGlite has no backend to cancel
        socket.destroy();
      } else if (code !== PROTOCOL_3) refuse("08P01", "unsupported frontend protocol");
      else {
        startup = packet;
        socket.write(authentication(10, Buffer.from(`${SCRAM_MECHANISM}\0\0`)));
      }
    };

    const onSaslPacket = (packet: Buffer) => {
      if (packet[0] !== 0x70) return refuse("28000", "password authentication is required");
      const body = packet.subarray(5);
      if (!serverFirstSent) {
        // SASLInitialResponse: the mechanism's name, then the client-first-message after its length.
        const end = body.indexOf(0);
        const mechanism = end >= 0 ? body.subarray(0, end).toString() : "";
        const clientFirst = end >= 0 ? body.subarray(end + 5).toString() : "";
        const serverFirst = mechanism === SCRAM_MECHANISM ? exchange.serverFirst(clientFirst) : null;
        if (!serverFirst) return refuse("28000", "SCRAM-SHA-256 authentication failed");
        serverFirstSent = true;
        socket.write(authentication(11, Buffer.from(serverFirst)));
        return;
      }
      const serverFinal = exchange.serverFinal(body.toString());
      if (!serverFinal) {
        const user = startupParameter(startup as Buffer, "user") ?? "";
        return refuse("28P01", `password authentication failed for user "${user}"`);
      }
      socket.write(authentication(12, Buffer.from(serverFinal)));
      settle(Buffer.concat([startup as Buffer, buffer]));
    };

    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let packet = nextPacket(); packet && !settled; packet = settled ? null : nextPacket()) {
        if (startup) onSaslPacket(packet);
        else onStartupPacket(packet);
      }
    };
    socket.on("data", onData);
    // Kept for the socket's life (pglite-socket adds its own once admitted): an error event with no
    // listener would throw, and a client resetting the connection must not take the database thread down.
    socket.on("error", () => settle(null));
    socket.once("close", () => settle(null));
  });
}

function startupParameter(packet: Buffer, name: string): string | undefined {
  const parts = packet.subarray(8).toString().split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === name) return parts[i + 1];
  return undefined;
}

/** An Authentication* message ('R'): request code then its data. */
function authentication(code: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.write("R", 0);
  head.writeInt32BE(8 + data.length, 1);
  head.writeInt32BE(code, 5);
  return Buffer.concat([head, data]);
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}
