// What a page weighs, gzipped at level 9: its HTML, the client JavaScript of its route, and
// its flight data.
import { gzipSync } from "node:zlib";
import { deferredChunks, deferredSources, isFlightData } from "../build/defer-hydration.mjs";

async function gzipBytes(urls, origin) {
  let total = 0;
  for (const src of urls) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

async function clientJsGzipBytes(html, origin) {
  // Modern browsers skip noModule scripts (Next's polyfills), so they are not counted. The
  // framework's chunks are loaded on the first interaction (scripts/build/post-build.mjs).
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1])
    .filter((attributes) => !/\snomodule\b/i.test(attributes))
    .map((attributes) => /\ssrc="([^"]+)"/.exec(attributes)?.[1])
    .filter(Boolean)
    .concat(deferredChunks(html));
  return { bytes: await gzipBytes(new Set(scripts), origin), files: new Set(scripts).size };
}

/**
 * @param {string} html the page as `next start` serves it
 * @param {string} origin the server its scripts are fetched from
 */
export async function pageSizes(html, origin) {
  return {
    clientJs: await clientJsGzipBytes(html, origin),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
    // The RSC payload hydration reads, fetched with the chunks on the first interaction; it is
    // data, not code, so it is reported beside the JavaScript and not counted in its budget.
    flightGzipBytes: await gzipBytes(deferredSources(html).filter(isFlightData), origin),
  };
}
