import net from 'node:net';

/** How the proxy treats new connections while it is cut: refused (the server is down) or never answered (a partition). */
export type CutMode = 'refuse' | 'silence';

export interface TcpProxy {
  port: number;
  /** Drops every connection through the proxy; new ones are refused (the port is closed) or accepted and never answered. */
  cut(mode?: CutMode): Promise<void>;
  /** Forwards connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on a free local port in front of `target`, for tests that take a shared service (PostgreSQL) away
 * from the processes under test without touching the service itself or anyone else's connections to it.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let silenced = false;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    client.on('error', () => undefined);
    if (silenced) return;
    const upstream = net.connect(target);
    track(upstream);
    // Either side ending or failing ends the other, as a dead server does to its clients.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (server.listening) return resolve();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = (): Promise<void> => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const dropAll = (): void => {
    for (const socket of sockets) socket.destroy();
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async cut(mode = 'refuse') {
      silenced = mode === 'silence';
      const closed = mode === 'refuse' ? stopListening() : Promise.resolve();
      dropAll();
      await closed;
    },
    async restore() {
      silenced = false;
      // What was accepted while silenced never reached the server: its clients see it fail and connect again.
      dropAll();
      await listen(port);
    },
    async close() {
      const closed = stopListening();
      dropAll();
      await closed;
    },
  };
}

/** A proxy in front of the service a URL names (`postgres://host:port/…`); `defaultPort` when the URL has none. */
export function startProxyFor(url: string, defaultPort: number): Promise<TcpProxy> {
  const { hostname, port } = new URL(url);
  return startTcpProxy({ host: hostname, port: Number(port || defaultPort) });
}

/** The same URL, reaching its service through the proxy. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}
