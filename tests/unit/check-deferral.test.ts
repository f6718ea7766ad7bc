// @vitest-environment node
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eagerManifestChunks,
  listedDeferredChunks,
  manifestChunks,
  scriptSources,
} from "@/scripts/build/check-deferral.mjs";
import { deferHydration } from "@/scripts/build/defer-hydration.mjs";

// A build output as Next 16 (Turbopack) writes it, trimmed to the files the check reads.
let nextDir = "";
beforeAll(() => {
  nextDir = fs.mkdtempSync(path.join(os.tmpdir(), "next-"));
  fs.writeFileSync(
    path.join(nextDir, "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfills.js"],
      rootMainFiles: ["static/chunks/react.js", "static/chunks/turbopack-runtime.js"],
    }),
  );
  const route = path.join(nextDir, "server", "app", "[slug]");
  fs.mkdirSync(route, { recursive: true });
  const manifest = {
    clientModules: { "[project]/components/form.tsx": { chunks: ["/_next/static/chunks/form.js"] } },
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/page": ["static/chunks/page.js"],
    },
  };
  fs.writeFileSync(
    path.join(route, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/[slug]/page"] = ${JSON.stringify(manifest)};`,
  );
});
afterAll(() => fs.rmSync(nextDir, { recursive: true, force: true }));

const page = (scripts: string) =>
  `<!DOCTYPE html><html><head>${scripts}</head><body><main>Text</main></body></html>`;

describe("manifestChunks", () => {
  it("lists the root chunks and every route's entry and client chunks, not the polyfills", () => {
    expect([...manifestChunks(nextDir)].sort()).toEqual([
      "static/chunks/form.js",
      "static/chunks/layout.js",
      "static/chunks/page.js",
      "static/chunks/react.js",
      "static/chunks/turbopack-runtime.js",
    ]);
  });
});

describe("the check after the rewrite", () => {
  it("passes a page whose chunks were all deferred, and sees them in the loader", () => {
    const chunks = manifestChunks(nextDir);
    const { html } = deferHydration(
      page(
        '<script src="/_next/static/chunks/react.js" async=""></script><script src="/_next/static/chunks/page.js" async=""></script>',
      ),
    );
    expect(eagerManifestChunks(html, chunks)).toEqual([]);
    expect(listedDeferredChunks(html, chunks)).toEqual([
      "/_next/static/chunks/react.js",
      "/_next/static/chunks/page.js",
    ]);
  });

  it("fails a page still loading a listed chunk in a form the rewrite does not recognise", () => {
    const chunks = manifestChunks(nextDir);
    // `defer` instead of `async`: deferHydration leaves this tag in place, the check must not.
    const { html } = deferHydration(
      page(
        '<script src="/_next/static/chunks/react.js" async=""></script><script defer src=/_next/static/chunks/layout.js?dpl=1></script>',
      ),
    );
    expect(eagerManifestChunks(html, chunks)).toEqual(["/_next/static/chunks/layout.js?dpl=1"]);
  });

  it("ignores scripts the manifests do not list: polyfills, JSON-LD, other origins' paths", () => {
    const html = page(
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script><script type="application/ld+json">{}</script><script src="/vendor/react.js"></script>',
    );
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/polyfills.js", "/vendor/react.js"]);
    expect(eagerManifestChunks(html, manifestChunks(nextDir))).toEqual([]);
  });

  it("finds no listed deferred chunk when the manifests describe other files", () => {
    const { html } = deferHydration(page('<script src="/_next/static/chunks/unknown.js" async=""></script>'));
    expect(listedDeferredChunks(html, manifestChunks(nextDir))).toEqual([]);
  });
});
