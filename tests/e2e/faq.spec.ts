// The FAQ: native disclosures, the same questions on the FAQ page and the offer page, and
// FAQPage structured data that says what the page shows.
import type { Page } from "@playwright/test";
import { expect, seriousA11yViolations, test } from "./fixtures";

type FaqData = {
  "@type": string;
  mainEntity: { "@type": string; name: string; acceptedAnswer: { "@type": string; text: string } }[];
};

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

async function structuredFaqs(page: Page): Promise<FaqData[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((script) => JSON.parse(script) as FaqData).filter((data) => data["@type"] === "FAQPage");
}

/** Each disclosure in the main content: its summary, and its answer as a reader sees it once open. */
async function shownFaq(page: Page) {
  const details = page.getByRole("main").locator("details");
  const shown: { question: string; answer: string }[] = [];
  for (const item of await details.all()) {
    await item.locator("summary").click();
    await expect(item).toHaveAttribute("open", "");
    shown.push({
      question: squash(await item.locator("summary").innerText()),
      answer: squash(await item.locator(":scope > :not(summary)").innerText()),
    });
  }
  return shown;
}

test("the FAQ page's structured data parses and holds exactly the questions and answers it shows", async ({
  page,
}) => {
  await page.goto("/faq");
  const [data, ...more] = await structuredFaqs(page);
  expect(more).toEqual([]);
  expect(data!.mainEntity.length).toBeGreaterThan(3);
  const marked = data!.mainEntity.map((entry) => {
    expect(entry["@type"]).toBe("Question");
    expect(entry.acceptedAnswer["@type"]).toBe("Answer");
    return { question: entry.name, answer: squash(entry.acceptedAnswer.text) };
  });
  expect(await shownFaq(page)).toEqual(marked);
});

test("the offer page shows the same questions, without a second copy of the structured data", async ({
  page,
}) => {
  await page.goto("/faq");
  const [data] = await structuredFaqs(page);
  await page.goto("/vp-engineering-coaching");
  expect(await structuredFaqs(page)).toEqual([]);
  const questions = await page.getByRole("main").locator("details > summary").allTextContents();
  expect(questions.map(squash)).toEqual(data!.mainEntity.map((entry) => entry.name));
});

test("a question opens with the keyboard and shows a focus ring", async ({ page }) => {
  await page.goto("/faq");
  const first = page.getByRole("main").locator("details").first();
  const summary = first.locator("summary");
  await summary.focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(summary).toBeFocused();
  expect(await summary.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("open", "");
  await page.keyboard.press("Space");
  await expect(first).not.toHaveAttribute("open");
});

test("open or closed, the FAQ has no serious accessibility violations, light and dark", async ({ page }) => {
  for (const path of ["/faq", "/vp-engineering-coaching"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      expect(await seriousA11yViolations(page), `${path} closed, ${colorScheme}`).toEqual([]);
      for (const summary of await page.getByRole("main").locator("details > summary").all())
        await summary.click();
      expect(await seriousA11yViolations(page), `${path} open, ${colorScheme}`).toEqual([]);
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a question opens and closes on a click", async ({ page }) => {
    await page.goto("/faq");
    const first = page.getByRole("main").locator("details").first();
    const answer = first.locator(":scope > :not(summary)");
    await expect(answer).toBeHidden();
    await first.locator("summary").click();
    await expect(answer).toBeVisible();
    await first.locator("summary").click();
    await expect(answer).toBeHidden();
  });
});
