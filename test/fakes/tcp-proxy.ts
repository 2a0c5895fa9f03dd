import net from "node:net";

/**
 * A TCP proxy on 127.0.0.1 that can be cut: `cut()` drops every open connection and resets new ones
 * (a database that went away), `restore()` lets connections through again. Used between the server
 * and PostgreSQL to take the database away without touching either.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const open = new Set<net.Socket>();
  let cutAt: number | null = null;
  let refused = 0;
  const server = net.createServer((client) => {
    if (cutAt !== null) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    /** Connections refused while cut. */
    refused: () => refused,
    cut() {
      cutAt = Date.now();
      for (const s of open) s.resetAndDestroy();
      open.clear();
    },
    restore() {
      cutAt = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
