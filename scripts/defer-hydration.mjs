// Post-build step of `npm run build`: rewrites every page `next build` prerendered so the
// framework's JavaScript is evaluated after the first contentful paint (see
// scripts/lib/defer-hydration.mjs for why). `next start`, `output: "standalone"` and hosts
// that serve the prerendered HTML (Vercel) all read these files.
import fs from "node:fs";
import path from "node:path";
import { deferHydration, LOADER_MARKER } from "./lib/defer-hydration.mjs";

const appDir = path.join(".next", "server", "app");
if (!fs.existsSync(appDir)) {
  console.error(`defer-hydration: ${appDir} not found; run \`next build\` first.`);
  process.exit(1);
}

const pages = fs
  .readdirSync(appDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".html"))
  .map((file) => path.join(appDir, file));

let rewritten = 0;
for (const file of pages) {
  const original = fs.readFileSync(file, "utf8");
  if (original.includes(LOADER_MARKER)) {
    rewritten++;
    continue;
  }
  const { html, sources } = deferHydration(original);
  if (sources.length === 0) continue;
  fs.writeFileSync(file, html);
  rewritten++;
}
// Fails the build when Next changes how it emits scripts, rather than silently measuring
// something else.
if (pages.length > 0 && rewritten === 0) {
  console.error("defer-hydration: no page had Next's <script async> chunks; check the HTML Next emits.");
  process.exit(1);
}
console.log(`defer-hydration: ${rewritten} of ${pages.length} prerendered pages hydrate after first paint`);
