/**
 * The client's address as the nearest trusted proxy saw it: X-Real-IP, else the last
 * X-Forwarded-For entry (earlier ones come from the client and can be forged). Needs a proxy
 * in front in production; see docs/security.md.
 */
export function clientAddress(headers: Headers): string {
  const realIp = headers.get("x-real-ip")?.trim();
  if (realIp) return realIp;
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? "unknown";
}
