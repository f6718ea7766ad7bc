// The header through which the site's own server (serve-next.mjs) tells the site each request's
// socket address. lib/forms/client-address.ts believes it only when its signature was made with
// the key of this start, so neither a client nor a bare `next start` elsewhere can feed it one.
// The same HMAC is checked there; tests/unit/client-address.test.ts holds the two together.
import { createHmac } from "node:crypto";

export const CLIENT_ADDRESS_HEADER = "x-site-client-address";

/**
 * The header's value for a socket address: `<address>;sig=<HMAC-SHA256 of the address, base64url>`.
 * @param {string} address
 * @param {string} key
 * @returns {string}
 */
export function clientAddressHeader(address, key) {
  return `${address};sig=${createHmac("sha256", key).update(address).digest("base64url")}`;
}

/**
 * Whether a socket address is this machine (a proxy on the same host connects from one).
 * @param {string | undefined} address
 * @returns {boolean}
 */
export function isLoopback(address) {
  if (!address) return false;
  const bare = address.replace(/^::ffff:/i, "");
  return bare === "::1" || /^127\./.test(bare);
}
