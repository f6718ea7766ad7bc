// Post-build step of `npm run build` (why: docs/performance.md): every page `next build`
// prerendered loads the framework's chunks and its flight data on the reader's first
// interaction, and those chunks carry V8's eager-compile hint. `next start` serves these files; so
// does a host that takes the prerendered HTML and `.next/static` from `.next` after the build
// command (see README, Deploying).
import fs from "node:fs";
import path from "node:path";
import {
  eagerManifestChunks,
  hasInlineFlightData,
  listedDeferredChunks,
  manifestChunks,
} from "./check-deferral.mjs";
import {
  chunkFile,
  deferHydration,
  deferredChunks,
  isDeferred,
  withCompileHint,
} from "./defer-hydration.mjs";

const fail = (message) => {
  console.error(`defer-hydration: ${message}`);
  process.exit(1);
};

// `.next/server` holds the prerendered pages (app/, and pages/404.html and 500.html that Next
// copies from them); a standalone build holds its own copy.
const roots = [path.join(".next", "server"), path.join(".next", "standalone", ".next", "server")].filter(
  (root) => fs.existsSync(root),
);
if (roots.length === 0) fail(".next/server not found; run `next build` first.");
const pages = roots.flatMap((root) =>
  fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(root, file)),
);
if (pages.length === 0) fail("`next build` prerendered no page; nothing to rewrite.");

// What the build manifests say the pages load: the check below does not trust the rewrite's
// own pattern to find what is left.
const listed = manifestChunks(".next");
const dists = [".next", path.join(".next", "standalone", ".next")].filter(
  (dist) => dist === ".next" || fs.existsSync(path.join(dist, "static")),
);
let deferred = 0;
let flightFiles = 0;
let checked = 0;
const chunks = new Set();
for (const file of pages) {
  const original = fs.readFileSync(file, "utf8");
  const { html, sources, flight } = isDeferred(original)
    ? { html: original, sources: deferredChunks(original), flight: null }
    : deferHydration(original);
  // The data file first: a page must never point at flight data that is not there.
  if (flight) {
    for (const dist of dists) {
      const target = path.join(dist, chunkFile(flight.src));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, flight.js);
    }
    flightFiles++;
  }
  if (html !== original) fs.writeFileSync(file, html);
  sources.forEach((source) => chunks.add(source));
  if (sources.length > 0) deferred++;
  // Fails the build when Next changes how it emits scripts, rather than silently shipping
  // (and measuring) something else.
  const left = eagerManifestChunks(html, listed);
  if (left.length > 0) fail(`${file} still loads ${left.join(", ")} at load.`);
  if (sources.length > 0 && hasInlineFlightData(html)) fail(`${file} still carries inline flight data.`);
  if (listedDeferredChunks(html, listed).length > 0) checked++;
}
if (deferred === 0) fail("no page had Next's <script async> chunks; check the HTML Next emits.");
if (checked === 0) fail("the build manifests list none of the deferred chunks; check where Next lists them.");

for (const source of chunks) {
  for (const dist of dists) {
    const file = path.join(dist, chunkFile(source));
    if (dist === ".next" || fs.existsSync(file))
      fs.writeFileSync(file, withCompileHint(fs.readFileSync(file, "utf8")));
  }
}
console.log(
  `defer-hydration: ${deferred} of ${pages.length} prerendered pages hydrate on first use (or a form in view) ` +
    `(${flightFiles} with their flight data moved out of the HTML); ${chunks.size} chunks compile eagerly`,
);
