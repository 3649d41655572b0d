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
