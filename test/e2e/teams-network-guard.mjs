/**
 * Preloaded into Microsoft 365 Agents Playground (`node --import <this> cli.js`) by the Teams client tests:
 * - every outgoing connection to a host that is not loopback is refused before a packet leaves, and
 *   noted (one line each) in the file named by NET_GUARD_LOG, so the test can assert there were none;
 * - a server that would listen on all interfaces (the playground's UI does) listens on 127.0.0.1 instead.
 * The playground has no login: nothing else on the network may reach it, and it may reach nothing.
 */
import { appendFileSync } from "node:fs";
import net from "node:net";

const logFile = process.env.NET_GUARD_LOG;
const note = (line) => {
  if (logFile) appendFileSync(logFile, `${line}\n`);
};
const isLoopback = (host) =>
  host === undefined || host === "localhost" || host === "::1" || /^(::ffff:)?127\./.test(String(host));

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : { port: first, host: args[1] };
  // Node's own rule: a truthy `path` is a local (IPC) socket; anything else is TCP to `host` (http passes path: null).
  if (!options.path && !isLoopback(typeof options.host === "string" ? options.host : undefined)) {
    note(`connect ${options.host}:${options.port}`);
    const error = Object.assign(new Error(`network guard: ${options.host}:${options.port} is not loopback`), {
      code: "ECONNREFUSED",
    });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(...args) {
  // listen(port[, cb]) or listen({ port }) without a host means all interfaces: pin it to loopback.
  if (typeof args[0] === "number" && typeof args[1] !== "string")
    return listen.call(this, args[0], "127.0.0.1", ...args.slice(1));
  if (typeof args[0] === "object" && args[0] !== null && args[0].host === undefined && args[0].path === undefined)
    return listen.call(this, { ...args[0], host: "127.0.0.1" }, ...args.slice(1));
  return listen.apply(this, args);
};
