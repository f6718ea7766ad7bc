// The site in German: what a German reader meets, from the pages to the emails. Words come
// from the dictionaries (tests/e2e/words.ts), so the coach can edit them without breaking this.
import type { Page } from "@playwright/test";
import { allPages, pageByKey, pageVersions, publishedIssues } from "@/lib/content/loader";
import { languages } from "@/lib/i18n/languages";
import { expect, fakeResend, seriousA11yViolations, sitemapPaths, test } from "./fixtures";
import { freshInquiry } from "./inquiry-form";
import { newsletterPitch, words } from "./words";

const de = words.de;
const contact = pageByKey("contact", "de")!;
/** The fixed start of a dictionary sentence (up to its first placeholder), to find it on the page. */
const startOf = (template: string) =>
  template
    .split(/\{\w+\}/)[0]!
    .trim()
    .slice(0, 40);
const fillTemplate = (template: string) =>
  new RegExp(startOf(template).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

test("every German page is German: <html lang>, og:locale, and a way to its English version", async ({
  page,
}) => {
  for (const german of allPages("de")) {
    await page.goto(german.href);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "de_DE");
    const english = pageVersions(german).en!;
    const toEnglish = page.getByRole("link", { name: words.en.common.thisPageInLanguage });
    await expect(toEnglish).toHaveAttribute("href", english.href);
    await expect(toEnglish).toHaveAttribute("hreflang", "en");
    await expect(toEnglish).toHaveAttribute("lang", "en");
  }
});

test("the switch keeps the reader on the same page, both ways", async ({ page }) => {
  await page.goto("/contact");
  await page.getByRole("link", { name: de.common.thisPageInLanguage }).click();
  await expect(page).toHaveURL(new RegExp(`${contact.href}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("link", { name: words.en.common.thisPageInLanguage }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("hreflang alternates are reciprocal and name an x-default", async ({ page }) => {
  const hrefs = [...languages.flatMap((language) => allPages(language).map((each) => each.href))];
  const alternatesOf = async (path: string) => {
    await page.goto(path);
    const links = page.locator('head link[rel="alternate"][hreflang]');
    const entries = await links.evaluateAll((elements) =>
      elements.map((element) => [
        element.getAttribute("hreflang")!,
        new URL(element.getAttribute("href")!).pathname,
      ]),
    );
    return Object.fromEntries(entries) as Record<string, string>;
  };
  for (const path of hrefs) {
    const alternates = await alternatesOf(path);
    expect(Object.keys(alternates).sort()).toEqual(["de", "en", "x-default"]);
    expect(alternates["x-default"]).toBe(alternates.en);
    for (const language of ["en", "de"]) {
      const back = await alternatesOf(alternates[language]!);
      expect(back).toEqual(alternates);
    }
  }
});

test("the sitemap lists both languages, each page with its alternates", async ({ request }) => {
  const paths = await sitemapPaths(request);
  for (const german of [...allPages("de"), ...publishedIssues("de")]) expect(paths).toContain(german.href);
  const xml = await (await request.get("/sitemap.xml")).text();
  expect(xml).toContain('hreflang="de"');
  expect(xml).toContain('hreflang="x-default"');
});

test("an unknown German page answers 404, in German too, with the way to the German home page", async ({
  page,
}) => {
  for (const path of ["/de/gibt-es-nicht", "/de/gibt/es/nicht"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    const german = page.getByRole("main").locator('[lang="de"]');
    await expect(german.filter({ hasText: de.notFound.heading })).toHaveCount(1);
    await expect(page.getByRole("main").getByRole("link", { name: de.common.goHome })).toHaveAttribute(
      "href",
      "/de",
    );
  }
});

async function fillGerman(page: Page, values: { name: string; email: string; message: string }) {
  const form = page.getByRole("main").locator("form");
  await form.getByLabel(de.inquiryForm.name).fill(values.name);
  await form.getByLabel(de.fields.email).fill(values.email);
  await form.getByLabel(de.inquiryForm.message).fill(values.message);
  await page.clock.runFor(5_000);
}

test("a German inquiry: German errors, a German answer and receipt, the coach told the language", async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(contact.href);
  const inquiry = freshInquiry();
  await fillGerman(page, { ...inquiry, email: "ada@" });
  await page.getByRole("main").getByRole("button", { name: de.inquiryForm.submit }).click();
  const email = page.getByRole("main").getByLabel(de.fields.email);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(fillTemplate(de.validation.emailInvalid));
  expect(await fakeResend.emails()).toEqual([]);

  await email.fill(inquiry.email);
  await page.clock.runFor(5_000);
  await page.getByRole("main").getByRole("button", { name: de.inquiryForm.submit }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    fillTemplate(de.inquiryAnswers.thanksWithReceipt),
  );
  const sent = await fakeResend.emails();
  const receipt = sent.find((each) => [each.to].flat().includes(inquiry.email))!;
  expect(receipt.subject).toMatch(fillTemplate(de.emails.receipt.subject));
  expect(receipt.html).toContain('lang="de"');
  const toCoach = sent.find((each) => [each.reply_to].flat().includes(inquiry.email))!;
  expect(toCoach.text).toContain(words.en.common.languageNames.de);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("a German signup: a German answer, a German confirmation email, a German confirmation page", async ({
  page,
}) => {
  await page.clock.install();
  await page.goto("/de");
  const band = page.getByRole("contentinfo").getByRole("region", { name: newsletterPitch("de") });
  await band.getByLabel(de.fields.email).fill("lena@example.com");
  await page.clock.runFor(5_000);
  await band.getByRole("button", { name: de.newsletterForm.submit }).click();
  await expect(band.getByRole("status")).toContainText("lena@example.com");
  await expect(band.getByRole("status")).toContainText(fillTemplate(de.newsletterAnswers.onItsWay));

  await expect.poll(async () => (await fakeResend.emails()).length).toBe(1);
  const [confirmation] = await fakeResend.emails();
  expect(confirmation!.subject).toMatch(fillTemplate(de.emails.confirmation.subject));
  const link = /href="([^"]*\/de\/newsletter\/bestaetigen\?token=[^"]+)"/.exec(confirmation!.html)?.[1];
  expect(link).toBeTruthy();
  const url = new URL(link!.replaceAll("&amp;", "&"));
  await page.goto(url.pathname + url.search);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: de.confirmForm.submit }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("lena@example.com");
  await expect
    .poll(async () => (await fakeResend.contacts()).map((each) => each.properties.language))
    .toEqual(["de"]);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the German contact form answers in German", async ({ page }) => {
    await page.goto(contact.href);
    await page.getByRole("main").getByRole("button", { name: de.inquiryForm.submit }).click();
    await expect(
      page.getByRole("main").getByRole("alert").or(page.getByRole("main").getByRole("status")).first(),
    ).toContainText(fillTemplate(de.inquiryAnswers.invalid));
    await expect(page.getByRole("main").getByLabel(de.inquiryForm.name)).toHaveAccessibleDescription(
      de.validation.nameRequired,
    );
  });
});
