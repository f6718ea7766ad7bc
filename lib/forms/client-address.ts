/**
 * The client's address as the nearest trusted proxy saw it. Vercel and most reverse proxies
 * set X-Real-IP, or append the peer address as the last X-Forwarded-For entry; earlier
 * entries come from the client and can be forged. Behind no proxy at all, `next start` passes
 * a client-sent X-Forwarded-For through, so run it behind one in production.
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
