import { createHmac, timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import type { TrustProxy } from "@/lib/config/env";

/** The bucket of requests whose address cannot be trusted or read: they count together. */
export const SHARED_BUCKET = "shared";

/**
 * Where the site's own server (scripts/server/serve-next.mjs, what `npm start` runs) puts the
 * socket's address, as `<address>;sig=<HMAC-SHA256 of the address under CLIENT_ADDRESS_KEY>`.
 * The server overwrites it on every request; the key is made at each start.
 */
export const CLIENT_ADDRESS_HEADER = "x-site-client-address";

/**
 * The rate limit's key for the client: its IPv4 address, or the /56 network of an IPv6 address
 * (a home connection is given a /56 or more, so counting smaller networks would let one home
 * rotate through them; docs/security.md). Anything that is not an IP address falls into the
 * shared bucket.
 */
export function addressGroup(value: string | undefined): string {
  const candidate = value?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!candidate || !ipaddr.isValid(candidate)) return SHARED_BUCKET;
  let address = ipaddr.parse(candidate);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  if (address.kind() === "ipv4") return address.toString();
  const bytes = (address as ipaddr.IPv6).toByteArray().map((byte, index) => (index < 7 ? byte : 0));
  return `${ipaddr.fromByteArray(bytes).toString()}/56`;
}

/** The socket address in the site's server's header, when it carries this start's signature. */
export function signedSocketAddress(value: string | null, key: string | undefined): string | undefined {
  if (!value || !key) return undefined;
  const at = value.lastIndexOf(";sig=");
  if (at <= 0) return undefined;
  const address = value.slice(0, at);
  const signature = Buffer.from(value.slice(at + ";sig=".length));
  const expected = Buffer.from(createHmac("sha256", key).update(address).digest("base64url"));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? address : undefined;
}

let warnedNoSocketAddress = false;

function forwardedFor(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client's address group: the socket's (as the site's server signed it) unless TRUST_PROXY
 * names a proxy in front, then as that proxy reports it; see docs/security.md.
 */
export function clientAddress(headers: Headers, trust: TrustProxy, key?: string): string {
  if (trust === "none") {
    const socket = signedSocketAddress(headers.get(CLIENT_ADDRESS_HEADER), key);
    if (socket !== undefined) return addressGroup(socket);
    // `npm run dev` (the `next` command serves it) or a bare `next start`: no socket address
    // reaches the site, and a header the client wrote is never the answer.
    if (!warnedNoSocketAddress) {
      warnedNoSocketAddress = true;
      console.warn(
        "[rate-limit] this server was not started by `npm start`, so the client's address is unknown: " +
          "every request counts as one client (expected under `npm run dev`). Behind a proxy, set TRUST_PROXY.",
      );
    }
    return SHARED_BUCKET;
  }
  if (trust === "x-real-ip") return addressGroup(headers.get("x-real-ip") ?? undefined);
  if (trust === "vercel") {
    return addressGroup(
      forwardedFor(headers, "x-vercel-forwarded-for")[0] ?? headers.get("x-real-ip") ?? undefined,
    );
  }
  const entries = forwardedFor(headers, "x-forwarded-for");
  // Fewer entries than proxies: the request did not come through them all; trust none of it.
  return addressGroup(entries.length >= trust.hops ? entries[entries.length - trust.hops] : undefined);
}
