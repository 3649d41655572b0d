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

/** Serialises an Error without its stack unless asked: logs are structured, not dumps. */
function fieldValue(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  return value;
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
      entry.msg = typeof message === "string" ? message : String(fieldValue(message));
      for (const extra of rest) {
        if (extra && typeof extra === "object" && !(extra instanceof Error))
          Object.assign(entry, extra);
        else if (extra !== undefined) entry.detail = fieldValue(extra);
      }
      write(JSON.stringify(entry), RANK[lvl] >= RANK.warn);
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
