// The pages in content/ as the site renders them, checked against what their MDX declares.
import { readPages } from "@/lib/content/loader";
import { blocks, componentTitles, contentSource, sectionHeadings } from "./content-source";
import { expect, test } from "./fixtures";

test.describe("the offer page", () => {
  const { page: offer, source } = contentSource("vp-engineering-coaching");

  test("renders its MDX: heading and lead from the frontmatter, every section, card and column", async ({
    page,
  }) => {
    await page.goto(offer.href);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText(offer.heading ?? offer.title);
    if (offer.lead) await expect(main).toContainText(offer.lead);
    for (const name of sectionHeadings(source)) {
      await expect(main.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
    }
    for (const name of [...componentTitles(source, "Card"), ...componentTitles(source, "Column")]) {
      await expect(main.getByRole("heading", { level: 3, name, exact: true })).toBeVisible();
    }
  });

  test("the home page links to it", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("main").locator(`a[href="${offer.href}"]`).first()).toBeVisible();
  });

  test("lays cards out in a grid and the versus columns side by side", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(offer.href);
    const main = page.getByRole("main");
    const top = async (name: string) =>
      (await main.getByRole("heading", { level: 3, name, exact: true }).boundingBox())!;

    const firstCards = componentTitles(blocks(source, "Cards")[0]!, "Card");
    expect(firstCards.length).toBeGreaterThan(1);
    const [first, second] = [await top(firstCards[0]!), await top(firstCards[1]!)];
    expect(Math.abs(first.y - second.y)).toBeLessThan(4);
    expect(second.x).toBeGreaterThan(first.x + 200);

    const versus = blocks(source, "Columns").find((block) => /^<Columns[^>]*\bversus\b/.test(block));
    const [left, right] = componentTitles(versus!, "Column");
    const [a, b] = [await top(left!), await top(right!)];
    expect(Math.abs(a.y - b.y)).toBeLessThan(4);
    expect(b.x).toBeGreaterThan(a.x + 200);
  });
});

test("navigation, the booking button and the footer links work", async ({ page }) => {
  const navigable = readPages().filter((candidate) => candidate.nav);
  const footerPage = readPages().find((candidate) => candidate.footer)!;
  await page.goto("/");
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Book an intro call" }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await page.getByRole("contentinfo").getByRole("link", { name: footerPage.footer!.label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(footerPage.heading ?? footerPage.title);
  for (const target of navigable) {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: target.nav!.label })
      .click();
    await expect(page).toHaveURL(new RegExp(`${target.href}$`));
  }
});
