import net, { type AddressInfo } from 'node:net';

export type TcpRelay = {
  /** The local port to connect to instead of the target's. */
  port(): number;
  /** Resets every open connection and refuses new ones (the target looks unreachable). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
};

/**
 * A TCP relay to a server (PostgreSQL in the outage test and bench): makes it unreachable for whoever connects
 * through the relay without stopping the machine's shared server.
 */
export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  const cut = () =>
    new Promise<void>((resolve) => {
      if (!server?.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { port: () => port, cut, restore: listen };
}
