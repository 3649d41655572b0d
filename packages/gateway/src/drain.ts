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
  /** Its bytes read when a sweep last found it idle (undefined: it was not idle then). */
  quietAt?: number;
  /** When a sweep first found it idle with those bytes read. */
  quietSince?: number;
  /** Ended by the drain (half-closed): a request read after that cannot be answered. */
  ended?: boolean;
}

/**
 * How long a connection the drain has half-closed may take to close its side (a client closes at once
 * when it sees the FIN): meanwhile what it sends is read, so that closing never resets the connection.
 */
const LINGER_MS = 1000;

/**
 * How long a keep-alive connection must stay idle, reading nothing, before the drain ends it: a client
 * that is busy itself may take a while to send its next request on a connection answered just before.
 */
const QUIET_MS = 100;

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
  // or not yet read from the socket, or whose answer is still being written).
  const connections = new Map<Socket, Connection>();
  let accepted = 0;
  server.on("connection", (socket: Socket) => {
    const connection: Connection = { active: 0, served: 0, since: performance.now() };
    connections.set(socket, connection);
    accepted++;
    socket.once("close", () => connections.delete(socket));
  });
  // First, before the gateway's listener: a request that a client sent while the drain half-closed
  // its idle connection cannot be answered any more (it crossed the FIN, as RFC 9112 §9.6 allows for).
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const connection = connections.get(req.socket);
    if (connection === undefined) return;
    if (connection.ended) {
      req.socket.destroy();
      return;
    }
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
    const end = (socket: Socket, connection: Connection) => {
      // Half-close: the FIN follows what is still buffered, and the socket goes on reading until the
      // client closes its side (or LINGER_MS), so that bytes it sent meanwhile never cause a reset.
      connection.ended = true;
      socket.end();
      const linger = setTimeout(() => socket.destroy(), LINGER_MS);
      socket.once("close", () => clearTimeout(linger));
    };
    await new Promise<void>((resolve) => {
      const sweep = () => {
        const now = performance.now();
        for (const [socket, connection] of connections) {
          // Answers given during the drain say `Connection: close`: Node ends those connections itself.
          if (socket.writableEnded) continue;
          // Idle after an answer, or connected without a request for longer than a client takes to
          // send one.
          const idle =
            connection.active === 0 &&
            (connection.served > 0 || now - Math.max(connection.since, started) > freshGraceMs);
          if (!idle) {
            connection.quietAt = undefined;
            continue;
          }
          // Ended only when it has been idle, reading nothing, for QUIET_MS across sweeps: event loop
          // turns (poll phases) ran in between, so request bytes that had reached it by then were
          // read, and made it active. A busy loop can leave a request unread for a while: it is
          // answered, not reset with the connection.
          if (connection.quietAt === socket.bytesRead) {
            if (now - connection.quietSince! >= QUIET_MS) end(socket, connection);
          } else {
            connection.quietAt = socket.bytesRead;
            connection.quietSince = now;
          }
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
