import { connect } from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection to 127.0.0.1 and reads one response
 * (until the server closes or Content-Length bytes arrived): for request lines and Host headers that
 * no HTTP client library would send.
 */
export function rawRequest(port: number, bytes: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = Buffer.alloc(0);
    const finish = () => {
      socket.destroy();
      const text = data.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end === -1) {
        reject(new Error(`no complete response: ${JSON.stringify(text.slice(0, 200))}`));
        return;
      }
      const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(":");
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(statusLine!.split(" ")[1]),
        headers,
        body: Buffer.from(text.slice(end + 4), "latin1").toString("utf8"),
      });
    };
    socket.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
      const text = data.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end));
      if (end !== -1 && length && data.byteLength >= end + 4 + Number(length[1])) finish();
    });
    socket.on("end", finish);
    socket.on("error", reject);
    socket.write(bytes);
  });
}

/** A GET request's bytes with this target and Host, closing the connection after the answer. */
export function rawGet(target: string, host: string, headers: Record<string, string> = {}): string {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`;
}

export interface RawExchange {
  /** Resolves once the request's bytes are written to a connected socket (the server can read them). */
  sent: Promise<void>;
  /** The whole response: its status and body exactly as long as Content-Length said. */
  response: Promise<RawResponse>;
  /** Starts reading the response (held back with `paused`). */
  resume(): void;
}

/**
 * A request over its own connection that reports when its bytes are out, and optionally holds back
 * reading the answer (`paused`), so that the server is still writing it.
 */
export function rawExchange(port: number, bytes: string, paused = false): RawExchange {
  const socket = connect(port, "127.0.0.1");
  if (paused) socket.pause();
  const sent = new Promise<void>((resolve, reject) => {
    socket.once("connect", () =>
      socket.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
    socket.once("error", reject);
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.byteLength;
    });
    socket.once("error", reject);
    socket.once("close", () => {
      const data = Buffer.concat(chunks, total);
      const end = data.indexOf("\r\n\r\n");
      if (end === -1) {
        reject(new Error(`connection closed without a response (${total} bytes)`));
        return;
      }
      const head = data.subarray(0, end).toString("latin1").split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const at = line.indexOf(":");
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      const body = data.subarray(end + 4);
      const length = Number(headers["content-length"]);
      if (body.byteLength !== length) {
        reject(new Error(`answer cut short: ${body.byteLength} of ${length} bytes`));
        return;
      }
      resolve({ status: Number(head[0]!.split(" ")[1]), headers, body: body.toString("utf8") });
    });
  });
  response.catch(() => {});
  return { sent, response, resume: () => socket.resume() };
}

/** One keep-alive connection over which requests are sent one after the other, with raw bytes. */
export interface KeepAliveConnection {
  /** Writes a request and resolves with its whole answer (Content-Length or chunked). */
  send(bytes: string): Promise<RawResponse>;
  /** Writes a request now (in this turn of the event loop) and returns its answer to come. */
  write(bytes: string): Promise<RawResponse>;
  /** Resolves when the server has closed the connection: "fin", or "reset" when it was reset. */
  closed: Promise<"fin" | "reset">;
}

/** Opens a keep-alive connection to 127.0.0.1 and resolves once it is connected. */
export function keepAlive(port: number): Promise<KeepAliveConnection> {
  const socket = connect(port, "127.0.0.1");
  let data = Buffer.alloc(0);
  let waiting: { resolve(r: RawResponse): void; reject(e: Error): void } | undefined;
  const closed = new Promise<"fin" | "reset">((resolve) => {
    socket.once("error", () => resolve("reset"));
    socket.once("end", () => resolve("fin"));
  });
  const tryParse = () => {
    const end = data.indexOf("\r\n\r\n");
    if (end === -1 || waiting === undefined) return;
    const head = data.subarray(0, end).toString("latin1").split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const at = line.indexOf(":");
      headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
    }
    let body: string;
    if (headers["transfer-encoding"] === "chunked") {
      // Chunks, up to the last (empty) one.
      const parts: Buffer[] = [];
      let at = end + 4;
      for (;;) {
        const line = data.indexOf("\r\n", at);
        if (line === -1) return;
        const size = Number.parseInt(data.subarray(at, line).toString("latin1"), 16);
        if (data.byteLength < line + 2 + size + 2) return;
        parts.push(data.subarray(line + 2, line + 2 + size));
        at = line + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(parts).toString("utf8");
      data = data.subarray(at);
    } else {
      const length = Number(headers["content-length"] ?? 0);
      if (data.byteLength < end + 4 + length) return;
      body = data.subarray(end + 4, end + 4 + length).toString("utf8");
      data = data.subarray(end + 4 + length);
    }
    const { resolve } = waiting;
    waiting = undefined;
    resolve({ status: Number(head[0]!.split(" ")[1]), headers, body });
  };
  socket.on("data", (chunk: Buffer) => {
    data = Buffer.concat([data, chunk]);
    tryParse();
  });
  const fail = (why: string) => () => {
    waiting?.reject(new Error(`${why} before the answer (${data.byteLength} bytes)`));
    waiting = undefined;
  };
  socket.on("error", (error) => fail(`reset (${error.message})`)());
  socket.on("close", fail("connection closed"));
  const write = (bytes: string) => {
    const answer = new Promise<RawResponse>((resolve, reject) => {
      waiting = { resolve, reject };
    });
    answer.catch(() => {});
    socket.write(bytes);
    return answer;
  };
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("connect", () => resolve({ send: write, write, closed }));
  });
}
