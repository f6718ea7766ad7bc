// An independent check of the post-build rewrite: it reads which chunks the build manifests
// list, not the pattern deferHydration removes, so a script tag that pattern misses (another
// attribute order, `defer` instead of `async`, a new kind of tag) still fails the build.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { chunkFile, deferredChunks } from "./defer-hydration.mjs";

/**
 * Every JavaScript chunk the build manifests name: the framework's root chunks, and each
 * route's entry and client-component chunks (from its client reference manifest).
 * @param {string} nextDir the build output, e.g. ".next"
 * @returns {Set<string>} paths relative to `nextDir`, e.g. "static/chunks/a.js"
 */
export function manifestChunks(nextDir) {
  const chunks = new Set();
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  for (const file of buildManifest.rootMainFiles ?? []) chunks.add(file);

  const appDir = path.join(nextDir, "server", "app");
  const manifests = fs.existsSync(appDir)
    ? fs
        .readdirSync(appDir, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith("_client-reference-manifest.js"))
    : [];
  for (const file of manifests) {
    // Each file assigns globalThis.__RSC_MANIFEST[route]; run it in a sandbox to read it.
    const sandbox = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(path.join(appDir, file), "utf8"), sandbox);
    for (const route of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const files of Object.values(route.entryJSFiles ?? {})) files.forEach((f) => chunks.add(f));
      for (const reference of Object.values(route.clientModules ?? {}))
        (reference.chunks ?? []).forEach((src) => chunks.add(chunkFile(src)));
    }
  }
  return new Set([...chunks].filter((file) => file.endsWith(".js")));
}

/**
 * The `src` of every <script> in a page, whatever its other attributes.
 * @param {string} html
 * @returns {string[]}
 */
export function scriptSources(html) {
  return [...html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (match) => match[1] ?? match[2] ?? match[3],
  );
}

/**
 * Chunks from the manifests that the page still loads as a <script src>, at load.
 * @param {string} html a rewritten page
 * @param {Set<string>} chunks from `manifestChunks`
 * @returns {string[]}
 */
export function eagerManifestChunks(html, chunks) {
  return scriptSources(html).filter((src) => src.includes("/_next/") && chunks.has(chunkFile(src)));
}

/**
 * How many of the page's deferred chunks the manifests list: none means the manifests no
 * longer describe what pages load, and the check above would pass for nothing.
 * @param {string} html
 * @param {Set<string>} chunks
 */
export function listedDeferredChunks(html, chunks) {
  return deferredChunks(html).filter((src) => chunks.has(chunkFile(src)));
}

/**
 * Whether a page still carries inline flight data: its own pattern, not the one the rewrite
 * moves, so a piece written another way still fails the build.
 * @param {string} html
 * @returns {boolean}
 */
export function hasInlineFlightData(html) {
  return /<script\b[^>]*>[^<]*self\.__next_f/.test(html);
}
