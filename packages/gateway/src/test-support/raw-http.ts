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
