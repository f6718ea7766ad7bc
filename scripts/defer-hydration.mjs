// Post-build step of `npm run build` (see scripts/lib/defer-hydration.mjs for why): every
// page `next build` prerendered loads the framework's chunks after its first contentful
// paint, and those chunks carry V8's eager-compile hint. `next start`, `output: "standalone"`
// and hosts that serve the prerendered HTML and `.next/static` (Vercel) all read these files.
import fs from "node:fs";
import path from "node:path";
import { deferHydration, deferredChunks, LOADER_MARKER, withCompileHint } from "./lib/defer-hydration.mjs";

const appDir = path.join(".next", "server", "app");
if (!fs.existsSync(appDir)) {
  console.error(`defer-hydration: ${appDir} not found; run \`next build\` first.`);
  process.exit(1);
}

const pages = fs
  .readdirSync(appDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".html"))
  .map((file) => path.join(appDir, file));

let deferred = 0;
const chunks = new Set();
for (const file of pages) {
  const original = fs.readFileSync(file, "utf8");
  const { html, sources } = original.includes(LOADER_MARKER)
    ? { html: original, sources: deferredChunks(original) }
    : deferHydration(original);
  if (sources.length === 0) continue;
  if (html !== original) fs.writeFileSync(file, html);
  sources.forEach((source) => chunks.add(source));
  deferred++;
}
// Fails the build when Next changes how it emits scripts, rather than silently shipping
// (and measuring) something else.
if (pages.length > 0 && deferred === 0) {
  console.error("defer-hydration: no page had Next's <script async> chunks; check the HTML Next emits.");
  process.exit(1);
}

for (const source of chunks) {
  if (!source.startsWith("/_next/static/"))
    throw new Error(`defer-hydration: unexpected chunk URL ${source}`);
  const file = path.join(".next", decodeURIComponent(source.slice("/_next/".length)));
  fs.writeFileSync(file, withCompileHint(fs.readFileSync(file, "utf8")));
}
console.log(
  `defer-hydration: ${deferred} of ${pages.length} prerendered pages hydrate after first paint; ` +
    `${chunks.size} chunks compile eagerly`,
);
