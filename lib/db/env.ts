import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const databaseEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().trim().default(".data")),
});

export type DatabaseSettings = { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };

/** The store's one problem, phrased for whoever fixes it: names the variable to change. */
export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    message: string,
    readonly variable: "DATABASE_URL" | "DATA_DIR",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseSettings {
  const result = databaseEnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = issue.path[0] === "DATA_DIR" ? "DATA_DIR" : "DATABASE_URL";
    throw new StoreError(`${variable} ${issue.message}`, variable);
  }
  const env = result.data;
  return env.DATABASE_URL
    ? { kind: "server", url: env.DATABASE_URL }
    : { kind: "embedded", dataDir: env.DATA_DIR };
}
