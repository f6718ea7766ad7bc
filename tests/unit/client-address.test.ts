// The client's address when no proxy is declared: the socket's, as the site's own server signed it.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/config/env";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  SHARED_BUCKET,
  signedSocketAddress,
} from "@/lib/forms/client-address";
import {
  CLIENT_ADDRESS_HEADER as SERVER_HEADER,
  clientAddressHeader,
  isLoopback,
} from "../../scripts/server/client-address-header.mjs";
import { nextStartArgs } from "../../scripts/server/next-command";

const key = randomBytes(32).toString("base64url");
const signed = (address: string, extra: Record<string, string> = {}, signingKey = key) =>
  new Headers({ ...extra, [CLIENT_ADDRESS_HEADER]: clientAddressHeader(address, signingKey) });

describe("the socket address header", () => {
  it("is the one the server writes, and verifies under the key of this start only", () => {
    expect(SERVER_HEADER).toBe(CLIENT_ADDRESS_HEADER);
    expect(signedSocketAddress(clientAddressHeader("203.0.113.7", key), key)).toBe("203.0.113.7");
    expect(signedSocketAddress(clientAddressHeader("2001:db8::1", key), key)).toBe("2001:db8::1");
    expect(signedSocketAddress(clientAddressHeader("203.0.113.7", "another start"), key)).toBeUndefined();
  });

  it("refuses a forged, altered, unsigned or keyless value", () => {
    const genuine = clientAddressHeader("203.0.113.7", key);
    const signature = genuine.slice(genuine.indexOf(";sig="));
    expect(signedSocketAddress(`198.51.100.1${signature}`, key)).toBeUndefined();
    expect(signedSocketAddress("198.51.100.1", key)).toBeUndefined();
    expect(signedSocketAddress(`${genuine}x`, key)).toBeUndefined();
    expect(signedSocketAddress(signature, key)).toBeUndefined();
    expect(signedSocketAddress(null, key)).toBeUndefined();
    // A bare `next start` elsewhere has no key: nothing a client sends is believed.
    expect(signedSocketAddress(genuine, undefined)).toBeUndefined();
    expect(signedSocketAddress(genuine, "")).toBeUndefined();
  });

  it("tells loopback sockets (a proxy on this machine) from others", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopback(address)).toBe(true);
    }
    for (const address of ["203.0.113.7", "::ffff:203.0.113.7", "2001:db8::1", undefined]) {
      expect(isLoopback(address)).toBe(false);
    }
  });
});

describe("clientAddress without a declared proxy (TRUST_PROXY unset)", () => {
  const trust = parseServerEnv({}).trustProxy;

  it("counts by the socket and never reads a header the client wrote", () => {
    const forged = { "x-forwarded-for": "192.0.2.1", "x-real-ip": "192.0.2.2" };
    expect(clientAddress(signed("203.0.113.7", forged), trust, key)).toBe("203.0.113.7");
    // Two requests from one socket, each claiming another address, count as one client.
    expect(clientAddress(signed("203.0.113.7", { "x-forwarded-for": "192.0.2.3" }), trust, key)).toBe(
      clientAddress(signed("203.0.113.7", { "x-forwarded-for": "192.0.2.4" }), trust, key),
    );
    expect(clientAddress(signed("::ffff:203.0.113.8"), trust, key)).toBe("203.0.113.8");
    expect(clientAddress(signed("2001:db8:1:2::5"), trust, key)).toBe("2001:db8:1::/56");
  });

  it("gives different sockets different buckets, so one spammer cannot lock everyone out", () => {
    expect(clientAddress(signed("203.0.113.7"), trust, key)).not.toBe(
      clientAddress(signed("203.0.113.9"), trust, key),
    );
  });

  it("falls back to the shared bucket only when nobody signed the address (`npm run dev`)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.2" }), trust, key)).toBe(SHARED_BUCKET);
    expect(clientAddress(signed("203.0.113.7", {}, "a forged key"), trust, key)).toBe(SHARED_BUCKET);
    expect(clientAddress(signed("203.0.113.7"), trust, undefined)).toBe(SHARED_BUCKET);
  });

  it("behind a declared proxy reads its X-Forwarded-For entry instead of the socket", () => {
    const viaProxy = signed("127.0.0.1", { "x-forwarded-for": "192.0.2.9, 203.0.113.5" });
    expect(clientAddress(viaProxy, parseServerEnv({ TRUST_PROXY: "1" }).trustProxy, key)).toBe("203.0.113.5");
  });
});

describe("the launcher's `next start`", () => {
  it("is recognised however it is spelled, with its arguments", () => {
    expect(nextStartArgs(["next", "start"])).toEqual([]);
    expect(nextStartArgs(["npx", "next", "start", "-H", "127.0.0.1", "-p", "3100"])).toEqual([
      "-H",
      "127.0.0.1",
      "-p",
      "3100",
    ]);
    expect(nextStartArgs(["npx", "--yes", "next", "start", "--port", "8080"])).toEqual(["--port", "8080"]);
    expect(nextStartArgs(["node_modules/.bin/next", "start", "--hostname=::"])).toEqual(["--hostname=::"]);
  });

  it("leaves every other command alone", () => {
    expect(nextStartArgs(["next", "dev"])).toBeUndefined();
    expect(nextStartArgs(["npx", "next", "build"])).toBeUndefined();
    expect(nextStartArgs(["node", "-e", "next start"])).toBeUndefined();
    expect(nextStartArgs([])).toBeUndefined();
  });
});
