/** Log levels, least to most severe. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** yoga's logger interface, plus structured fields. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A value as it can be written to JSON: an Error (at any depth of a field) becomes its name, message,
 * stack, code and cause; plain objects and arrays are walked (to a bounded depth, cycles cut).
 */
export function serializable(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== "object") {
    return typeof value === "bigint" ? String(value) : value;
  }
  if (seen.has(value) || depth > 5) return "[…]";
  seen.add(value);
  if (value instanceof Error) {
    // GraphQLErrors (duck-typed: edge bundles may hold two copies of graphql) carry the field's path
    // and the error a resolver threw as `originalError`.
    const { code, path, originalError } = value as {
      code?: unknown;
      path?: unknown;
      originalError?: unknown;
    };
    return {
      name: value.name,
      message: value.message,
      ...(code !== undefined ? { code } : {}),
      ...(Array.isArray(path) ? { path: path.join(".") } : {}),
      stack: value.stack,
      ...(originalError != null && originalError !== value
        ? { originalError: serializable(originalError, depth + 1, seen) }
        : {}),
      ...(value.cause !== undefined ? { cause: serializable(value.cause, depth + 1, seen) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => serializable(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = serializable(item, depth + 1, seen);
  return out;
}

/**
 * A structured logger: one JSON object per line (time, level, msg, fields), to stdout below `warn`
 * and to stderr from `warn` up, so log shippers can parse it without configuration.
 */
export function createJsonLogger(
  level: LogLevel = "info",
  write: (line: string, severe: boolean) => void = (line, severe) =>
    (severe ? process.stderr : process.stdout).write(`${line}\n`),
): Logger {
  const threshold = RANK[level];
  const log =
    (lvl: Exclude<LogLevel, "silent">) =>
    (message: unknown, ...rest: unknown[]) => {
      if (RANK[lvl] < threshold) return;
      const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl };
      // yoga logs an Error itself as the message: its text is the message, the rest goes to `error`.
      if (message instanceof Error) {
        entry.msg = message.message;
        entry.error = serializable(message);
      } else {
        entry.msg = typeof message === "string" ? message : JSON.stringify(serializable(message));
      }
      for (const extra of rest) {
        if (extra && typeof extra === "object" && !(extra instanceof Error)) {
          for (const [key, value] of Object.entries(extra)) entry[key] = serializable(value);
        } else if (extra !== undefined) entry.detail = serializable(extra);
      }
      write(JSON.stringify(entry), RANK[lvl] >= RANK.warn);
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
