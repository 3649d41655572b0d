import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";
import type { Logger } from "./logger.ts";

interface Connection {
  /** Requests being answered on it. */
  active: number;
  /** Requests answered on it. */
  served: number;
  /** When it was accepted. */
  since: number;
}

export interface DrainOptions {
  /** How long to go on accepting and answering first (while /ready already says 503). */
  shutdownDelayMs: number;
  /** Then: how long accepted requests may take before their connections are cut. */
  shutdownTimeoutMs: number;
}

/**
 * Tracks the server's connections from now on and returns the drain (README, "Shutdown sequence"):
 * after the delay, accept what waits in the backlog, stop listening, answer every accepted request,
 * end idle connections gracefully, and cut what is left at the timeout. Resolves when all is closed.
 */
export function createDrain(
  server: Server,
  logger: Logger,
  { shutdownDelayMs, shutdownTimeoutMs }: DrainOptions,
): () => Promise<void> {
  // Every connection and whether a request is being answered on it: the drain ends idle connections
  // gracefully itself (Node's closeIdleConnections destroys sockets whose request is not yet parsed,
  // or whose answer is still being written).
  const connections = new Map<Socket, Connection>();
  let accepted = 0;
  server.on("connection", (socket: Socket) => {
    const connection: Connection = { active: 0, served: 0, since: performance.now() };
    connections.set(socket, connection);
    accepted++;
    socket.once("close", () => connections.delete(socket));
  });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const connection = connections.get(req.socket);
    if (connection === undefined) return;
    connection.active++;
    res.once("close", () => {
      connection.active--;
      connection.served++;
    });
  });

  return async (): Promise<void> => {
    if (!server.listening) return;
    if (shutdownDelayMs > 0) {
      logger.info("draining: not ready, still serving", { shutdownDelayMs });
      await new Promise((resolve) => setTimeout(resolve, shutdownDelayMs));
    }
    // Connections that reached the kernel's backlog are accepted before the listener closes (closing
    // it resets them): libuv accepts one per turn of the event loop, so turns are taken (setImmediate
    // runs after each poll phase) until one accepts nothing, bounded by the drain timeout.
    const started = performance.now();
    for (let seen = -1; seen !== accepted && performance.now() - started < shutdownTimeoutMs; ) {
      seen = accepted;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // net.Server#close stops accepting; http.Server#close would also destroy "idle" connections.
    const listenerClosed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(server, () => resolve()),
    );
    logger.info("stopped accepting; answering accepted requests", {
      connections: connections.size,
    });
    const freshGraceMs = Math.min(2000, shutdownTimeoutMs);
    await new Promise<void>((resolve) => {
      const sweep = () => {
        const now = performance.now();
        for (const [socket, connection] of connections) {
          if (connection.active > 0 || socket.writableEnded) continue;
          // Idle after an answer, or connected without a request for longer than a client takes to
          // send one: end it gracefully (what is still buffered is sent first). Answers given during
          // the drain say `Connection: close`, and Node ends those connections itself.
          if (connection.served > 0 || now - Math.max(connection.since, started) > freshGraceMs)
            socket.destroySoon();
        }
        if (connections.size === 0) {
          resolve();
          return;
        }
        if (now - started > shutdownTimeoutMs) {
          logger.warn("shutdown timeout: closing open connections", {
            shutdownTimeoutMs,
            connections: connections.size,
          });
          for (const socket of connections.keys()) socket.destroy();
          resolve();
          return;
        }
        // Swept after each poll phase (setImmediate), so a request that has arrived is seen as active.
        setTimeout(() => setImmediate(sweep), 20);
      };
      sweep();
    });
    await listenerClosed;
  };
}
