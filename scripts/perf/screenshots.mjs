// Full-page PNGs of every page in the sitemap plus the 404 page, at phone, tablet and desktop
// widths, light and dark, into reports/screenshots/, so the design can be reviewed without a
// browser. Builds if needed and serves with `next start` (local outbox, no variables needed).
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumPath, ensureBuild, startNext } from "./serve.mjs";

const widths = [375, 768, 1440];
const schemes = ["light", "dark"];
const outDir = "reports/screenshots";

ensureBuild();
const server = await startNext({
  port: 3210,
  owner: true,
  scratch: ["OUTBOX_DIR", "DATA_DIR"],
  env: { RESEND_API_KEY: "" },
});
const executablePath = chromiumPath();
const browser = await chromium.launch(executablePath ? { executablePath, args: ["--no-sandbox"] } : {});
try {
  const xml = await (await fetch(`${server.origin}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  paths.push("/this-page-does-not-exist");
  fs.mkdirSync(outDir, { recursive: true });
  for (const colorScheme of schemes) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme,
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      for (const pagePath of paths) {
        await page.goto(`${server.origin}${pagePath}`, { waitUntil: "networkidle" });
        const name = pagePath === "/" ? "home" : pagePath.slice(1).replace(/\W+/g, "-");
        const file = path.join(outDir, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      await context.close();
    }
  }
  console.log(`${paths.length * widths.length * schemes.length} screenshots in ${outDir}/`);
} finally {
  await browser.close();
  await server.stop();
}
