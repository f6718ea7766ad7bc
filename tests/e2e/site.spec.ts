import fs from "node:fs";
import { expect, seriousA11yViolations, sitemapPaths, test, waitForHydration } from "./fixtures";

// Canonical URLs are baked in at build time from SITE_URL.
const siteOrigin = (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");

const pages = ["/", "/vp-engineering-coaching", "/contact", "/newsletter", "/privacy", "/imprint"];

test.describe("every page", () => {
  test("the sitemap lists exactly the content pages", async ({ request }) => {
    expect((await sitemapPaths(request)).sort()).toEqual([...pages].sort());
  });

  for (const path of pages) {
    test(`${path} answers 200 with one h1 and its metadata`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page).toHaveTitle(/\S.{10,}/);
      const head = page.locator("head");
      await expect(head.locator('meta[name="description"]')).toHaveAttribute("content", /.{50,}/);
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
        "href",
        path === "/" ? siteOrigin : `${siteOrigin}${path}`,
      );
      await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", /\S/);
      await expect(head.locator('meta[property="og:url"]')).toHaveAttribute("content", /^http/);
      await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute(
        "content",
        "summary_large_image",
      );
      const ogImage = await head.locator('meta[property="og:image"]').getAttribute("content");
      const image = await page.request.get(new URL(ogImage!).pathname + new URL(ogImage!).search);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      for (const script of await page.locator('script[type="application/ld+json"]').allTextContents()) {
        expect(() => JSON.parse(script)).not.toThrow();
      }
    });

    test(`${path} has no serious accessibility violations, light and dark`, async ({ page }) => {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
      }
    });
  }

  test("no page scrolls sideways on a 320 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [...pages, "/this-page-does-not-exist"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test("internal links and assets resolve", async ({ page, request }) => {
    const targets = new Set<string>();
    for (const path of pages) {
      await page.goto(path);
      const urls = await page
        .locator("a[href], link[href], img[src], script[src]")
        .evaluateAll((elements) =>
          elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLImageElement).src),
        );
      for (const url of urls) {
        const parsed = new URL(url);
        if (parsed.origin === new URL(page.url()).origin) targets.add(parsed.pathname + parsed.search);
      }
    }
    expect(targets.size).toBeGreaterThan(10);
    for (const target of targets) {
      expect((await request.get(target)).status(), target).toBe(200);
    }
  });
});

test.describe("the offer page", () => {
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[’']/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();

  // The coach's copy with its two typos fixed on the page; each key must still be in the seed.
  const corrections: Record<string, string> = {
    "Or you there for": "Or are you there for",
    "And this seems to change, recently more VP Engineering come to me for coaching.":
      "And this seems to be changing: recently, more VPs of Engineering have come to me for coaching.",
  };

  test("holds every line of the coach's copy", async ({ page }) => {
    let seed = fs.readFileSync("tests/fixtures/vpe-coaching-page.txt", "utf8");
    for (const [typo, fixed] of Object.entries(corrections)) {
      expect(seed).toContain(typo);
      seed = seed.replace(typo, fixed);
    }
    const lines = seed
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    // The first line is the newsletter band and the last the home page's link to this page.
    const [band, ...body] = lines;
    const homeLink = body.pop()!;

    await page.goto("/vp-engineering-coaching");
    const pageText = normalise(await page.locator("main").innerText());
    for (const line of body) expect(pageText, line).toContain(normalise(line));

    expect(normalise(await page.locator("footer").innerText())).toContain(
      normalise(band!.replace(/ Subscribe$/, "")),
    );
    await page.goto("/");
    await expect(page.getByRole("link", { name: homeLink })).toHaveAttribute(
      "href",
      "/vp-engineering-coaching",
    );
  });

  test("shows the three VPE types as cards and the VPE vs CTO comparison side by side", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/vp-engineering-coaching");
    const types = page
      .getByRole("heading", { level: 3 })
      .filter({ hasText: /undervalued|solid in your VPE role|got promoted/ });
    await expect(types).toHaveCount(3);
    const cto = await page.getByRole("heading", { name: "CTO", exact: true }).boundingBox();
    const vpe = await page.getByRole("heading", { name: "VP of Engineering", exact: true }).boundingBox();
    expect(Math.abs(cto!.y - vpe!.y)).toBeLessThan(4);
    expect(vpe!.x).toBeGreaterThan(cto!.x + 200);
  });
});

test("navigation, the booking button and the footer links work", async ({ page }) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Book an intro call" }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy policy");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "VPE coaching" }).click();
  await expect(page).toHaveURL(/\/vp-engineering-coaching$/);
});

test("pages fetch no framework JavaScript until the reader interacts, then hydrate", async ({ context }) => {
  // A page of its own: the fixture's page.goto already interacts to hydrate.
  const page = await context.newPage();
  const chunksFetched = () =>
    page.evaluate(
      () =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => /\/_next\/static\/chunks\/.+\.js$/.test(entry.name)).length,
    );
  for (const path of ["/", "/contact", "/this-page-does-not-exist"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    expect(await chunksFetched()).toBe(0);
    await page.mouse.wheel(0, 200);
    await expect.poll(chunksFetched).toBeGreaterThan(3);
  }
  // The first interaction here is a focus in the form; once hydrated, a bad address is
  // flagged in the browser as the field is left, before any submission.
  await page.goto("/contact", { waitUntil: "networkidle" });
  const band = page.getByRole("contentinfo").getByRole("region", { name: /Join 5000 CTOs/ });
  await band.getByLabel("Email").focus();
  await waitForHydration(page);
  await band.getByLabel("Email").fill("not-an-address");
  await band.getByLabel("First name").focus();
  await expect(band.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("an unknown page answers 404 with a way home", async ({ page }) => {
  const response = await page.goto("/this-page-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: /home/i }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("robots.txt allows crawling, points at the sitemap and keeps confirmation links out", async ({
  request,
}) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/User-Agent: \*/i);
  expect(robots).toContain("Allow: /");
  expect(robots).toContain("Disallow: /newsletter/confirm");
  expect(robots).toContain(`Sitemap: ${siteOrigin}/sitemap.xml`);
});

test("security headers are set on pages", async ({ request }) => {
  for (const path of ["/", "/contact", "/this-page-does-not-exist"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp, path).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}/);
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of pages) {
    test(`${path} reads fine`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect((await page.locator("main").innerText()).length).toBeGreaterThan(300);
    });
  }
});
