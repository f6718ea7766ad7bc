import { StoreError } from "@/lib/db/store-error";

/**
 * An error described for a log line where it may come from a query. A database error (a failed
 * query, or the connection under it) is given by class and codes only, down its chain of
 * causes: the Postgres SQLSTATE with the constraint's name, or a system error such as
 * ECONNREFUSED, never a message: drizzle's carries the query's parameters (names, addresses,
 * messages people typed) and Postgres's own can quote a value. Any other error (a bug, a mail
 * failure) keeps the first line of its own message, which no query wrote; a StoreError is ours
 * and names the variable to fix.
 */
export function describeDbError(error: unknown): string {
  if (error instanceof StoreError) return `${error.name}: ${error.message}`;
  if (error instanceof Error && !isDatabaseError(error)) {
    const line = error.message.split("\n")[0]!.slice(0, 300);
    return line ? `${className(error)}: ${line}` : className(error);
  }
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current != null; depth += 1) {
    parts.push(describeOne(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(" < ") || "unknown error";
}

/** Whether the error came from the database (a query that failed, or the connection under it). */
export function isDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if ("query" in current && "params" in current) return true; // DrizzleQueryError
    if (sqlState(current)) return true; // pg's DatabaseError
    current = current.cause;
  }
  return false;
}

const sqlState = (error: object): string | undefined => {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

function className(error: object): string {
  const name = (error as { name?: unknown }).name;
  // pg names its errors after the protocol message ("error"); drizzle leaves the default.
  if (typeof name === "string" && name !== "Error" && name !== "error" && /^\w{1,60}$/.test(name)) {
    return name;
  }
  if ("query" in error && "params" in error) return "DrizzleQueryError";
  const constructor = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof constructor === "string" && /^\w{1,60}$/.test(constructor) ? constructor : "Error";
}

function describeOne(error: unknown): string {
  if (typeof error !== "object" || error === null) return typeof error;
  const state = sqlState(error);
  if (state) {
    const constraint = (error as { constraint?: unknown }).constraint;
    const named = typeof constraint === "string" && /^\w{1,63}$/.test(constraint) ? ` ${constraint}` : "";
    return `${className(error)} SQLSTATE ${state}${named}`;
  }
  const code = (error as { code?: unknown }).code;
  const system = typeof code === "string" && /^E[A-Z0-9_]{1,30}$/.test(code) ? ` ${code}` : "";
  return `${className(error)}${system}`;
}
