import { newsletterPitch, words } from "./words";
import { allPages, publishedIssues } from "@/lib/content/loader";
import { languageOfPath, languages } from "@/lib/i18n/languages";
import { expect, seriousA11yViolations, sitemapPaths, test, waitForHydration } from "./fixtures";

// Canonical URLs are baked in at build time from SITE_URL.
const siteOrigin = (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");

// Every page of content/ in every language, and every published issue.
const pages = languages.flatMap((language) => [
  ...allPages(language).map((page) => page.href),
  ...publishedIssues(language).map((issue) => issue.href),
]);

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
      for (const type of ["application/rss+xml", "application/atom+xml", "application/feed+json"]) {
        await expect(head.locator(`link[rel="alternate"][type="${type}"]`)).toHaveAttribute(
          "href",
          /\/newsletter\/(rss\.xml|atom\.xml|feed\.json)$/,
        );
      }
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
    for (const path of [...pages, "/this-page-does-not-exist", "/de/diese-seite-gibt-es-nicht"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test("on a 375 px phone the header takes at most two rows before the first heading", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    for (const path of pages) {
      await page.goto(path);
      // The header's items: the name, the navigation, the booking button.
      const middles = await page
        .getByRole("banner")
        .locator(":scope > div > *")
        .evaluateAll((items) =>
          items.map((item) => {
            const box = item.getBoundingClientRect();
            return box.top + box.height / 2;
          }),
        );
      const rows = middles
        .sort((a, b) => a - b)
        .filter((middle, index, all) => index === 0 || middle - all[index - 1]! > 8);
      expect(rows.length, path).toBeLessThanOrEqual(2);
      const header = await page.getByRole("banner").boundingBox();
      const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
      expect(heading!.y, path).toBeGreaterThan(header!.y + header!.height - 1);
    }
  });

  test("internal links and assets resolve", async ({ page, request }) => {
    // Each target with the page it was first found on, for the failure message.
    const targets = new Map<string, string>();
    for (const path of [...pages, "/this-page-does-not-exist", "/de/diese-seite-gibt-es-nicht"]) {
      await page.goto(path);
      // Every URL an attribute holds, srcset candidates too, read from the hydrated page: it
      // also holds the chunks and flight data loaded on the first interaction. A link within the
      // page (#main) names the page itself, which on the 404 page answers 404 by design.
      const urls = await page.locator("[href], [src], [srcset]").evaluateAll((elements) =>
        elements
          .flatMap((element) => [
            element.getAttribute("href"),
            element.getAttribute("src"),
            ...(element
              .getAttribute("srcset")
              ?.split(",")
              .map((candidate) => candidate.trim().split(/\s+/)[0]) ?? []),
          ])
          .filter((raw): raw is string => !!raw && !raw.startsWith("#"))
          .map((raw) => new URL(raw, document.baseURI).href),
      );
      for (const url of urls) {
        const parsed = new URL(url);
        const target = parsed.pathname + parsed.search;
        if (parsed.origin === new URL(page.url()).origin && !targets.has(target)) targets.set(target, path);
      }
    }
    expect(targets.size).toBeGreaterThan(10);
    for (const [target, from] of targets) {
      expect((await request.get(target)).status(), `${target} (on ${from})`).toBe(200);
    }
  });
});

test("pages fetch no framework JavaScript until the reader interacts, then hydrate", async ({ context }) => {
  // A page of its own: the fixture's page.goto already interacts to hydrate.
  const page = await context.newPage();
  const fetched = (pattern: RegExp) =>
    page.evaluate(
      (source) =>
        performance.getEntriesByType("resource").filter((entry) => new RegExp(source).test(entry.name))
          .length,
      pattern.source,
    );
  const chunksFetched = () => fetched(/\/_next\/static\/chunks\/.+\.js$/);
  // The RSC payload hydration reads is not in the HTML either: it comes with the chunks.
  const flightFetched = () => fetched(/\/_next\/static\/flight\/.+\.js$/);
  for (const path of ["/", "/vp-engineering-coaching", "/de"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    for (const form of await page.locator("form").all()) await expect(form).not.toBeInViewport();
    expect(await chunksFetched()).toBe(0);
    expect(await flightFetched()).toBe(0);
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
    await page.mouse.wheel(0, 200);
    await expect.poll(chunksFetched).toBeGreaterThan(3);
    await expect.poll(flightFetched).toBe(1);
  }
  // A form in the first screen is hydrated once the page is idle, before the reader reaches it.
  for (const path of ["/contact", "/de/kontakt"]) {
    await page.goto(path);
    await expect(page.getByRole("main").locator("form").first()).toBeInViewport();
    await expect.poll(chunksFetched).toBeGreaterThan(3);
    await expect.poll(flightFetched).toBe(1);
    await waitForHydration(page);
  }
  // The first interaction here is a focus in the form; once hydrated, a bad address is
  // flagged in the browser as the field is left, before any submission.
  await page.goto("/contact", { waitUntil: "networkidle" });
  const band = page.getByRole("contentinfo").getByRole("region", { name: newsletterPitch() });
  await band.getByLabel("Email").focus();
  await waitForHydration(page);
  await band.getByLabel("Email").fill("not-an-address");
  await band.getByLabel("First name").focus();
  await expect(band.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("what a reader types before the page hydrates survives the hydration", async ({ context }) => {
  // A page of its own: the fixture's page.goto waits for hydration.
  const page = await context.newPage();
  // The framework arrives late, as on a slow network: every key lands before React attaches.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const hydrated = () =>
    page.evaluate(() =>
      Object.keys(document.querySelector("main form")!).some((key) => key.startsWith("__reactProps$")),
    );
  for (const path of ["/contact", "/de/kontakt"]) {
    await page.goto(path, { waitUntil: "load" });
    const email = page.getByRole("main").locator('input[type="email"]').first();
    await email.pressSequentially("early@example.com", { delay: 10 });
    expect(await hydrated(), path).toBe(false);
    await waitForHydration(page);
    await expect(email).toHaveValue("early@example.com");
  }
});

test("the heading font arrives with the stylesheet, allowed by the page's own policy", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  for (const path of ["/", "/de/kontakt"]) {
    await page.goto(path, { waitUntil: "load" });
    const heading = await page.evaluate(async () => {
      await document.fonts.ready;
      const face = [...document.fonts].find((font) => font.family.replace(/"/g, "") === "Fraunces");
      return { status: face?.status, usedBy: getComputedStyle(document.querySelector("h1")!).fontFamily };
    });
    expect(heading.status, path).toBe("loaded");
    expect(heading.usedBy, path).toMatch(/^"?Fraunces"?,/);
  }
  expect(refused).toEqual([]);
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

test("the newsletter confirmation page, one person's own state, cuts its tie to a cross-origin opener", async ({
  request,
}) => {
  const headers = (await request.get("/newsletter/confirm?token=unknown")).headers();
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of pages) {
    test(`${path} reads fine`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const language = languageOfPath(path);
      await expect(page.getByRole("navigation", { name: words[language].common.mainNav })).toBeVisible();
      expect((await page.locator("main").innerText()).length).toBeGreaterThan(300);
    });
  }
});
