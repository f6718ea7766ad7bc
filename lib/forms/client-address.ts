import ipaddr from "ipaddr.js";
import type { TrustProxy } from "@/lib/config/env";

/** The bucket of requests whose address cannot be trusted or read: they count together. */
export const SHARED_BUCKET = "shared";

/**
 * The rate limit's key for the client: its IPv4 address, or the /64 network of an IPv6 address
 * (one home or server gets a whole /64, so counting single addresses would not limit anyone).
 * Anything that is not an IP address falls into the shared bucket.
 */
export function addressGroup(value: string | undefined): string {
  const candidate = value?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!candidate || !ipaddr.isValid(candidate)) return SHARED_BUCKET;
  let address = ipaddr.parse(candidate);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  if (address.kind() === "ipv4") return address.toString();
  const network = (address as ipaddr.IPv6).toNormalizedString().split(":").slice(0, 4).join(":");
  return `${ipaddr.parse(`${network}::`).toString()}/64`;
}

function forwardedFor(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The client's address group as the trusted proxy saw it; see docs/security.md. */
export function clientAddress(headers: Headers, trust: TrustProxy): string {
  if (trust === "none") return SHARED_BUCKET;
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
