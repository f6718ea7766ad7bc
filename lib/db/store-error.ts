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
