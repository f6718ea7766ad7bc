/** A request body larger than the route accepts: answer 413 without reading the rest. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * The body as text, read as it arrives and given up once it passes `maxBytes` (a declared
 * Content-Length above it is refused before anything is read), so a caller who has not proved
 * anything yet (a webhook before its signature is checked) cannot make the site buffer an
 * unbounded body.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new BodyTooLargeError(`the body declares ${declared} bytes; at most ${maxBytes} are read`);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`the body is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
