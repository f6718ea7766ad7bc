// The hand-off from a sent inquiry to the booking page. The server runs with BOOKING_URL set
// (playwright.config.ts); without it, unit tests show that neither link appears.
import { e2eBookingUrl } from "../../playwright.config";
import { expect, fakeResend, seriousA11yViolations, test } from "./fixtures";
import { fill, openForm, send, thanks, valid } from "./inquiry-form";

// A name that must be encoded to survive in a query string.
const person = { ...valid, name: "Zoë O'Hara & Partner #2" };

async function expectPrefilledLink(page: import("@playwright/test").Page, email: string) {
  const link = thanks(page).getByRole("link");
  await expect(link).toHaveCount(1);
  const href = (await link.getAttribute("href"))!;
  const url = new URL(href);
  const configured = new URL(e2eBookingUrl);
  expect(url.origin + url.pathname).toBe(configured.origin + configured.pathname);
  for (const [key, value] of configured.searchParams) expect(url.searchParams.get(key)).toBe(value);
  expect(url.searchParams.get("name")).toBe(person.name);
  expect(url.searchParams.get("email")).toBe(email);
  // Encoded: nothing typed shows raw in the URL, and nothing typed adds a parameter.
  expect(url.search).not.toMatch(/[ #'@]/);
  expect([...url.searchParams.keys()].sort()).toEqual(
    [...configured.searchParams.keys(), "email", "name"].sort(),
  );
}

test("a sent inquiry offers the booking page prefilled; the receipt carries the bare link", async ({
  page,
}) => {
  await openForm(page);
  await fill(page, { ...valid, name: person.name });
  await send(page);
  await expectPrefilledLink(page, valid.email);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const receipt = (await fakeResend.emails()).find((email) => [email.to].flat().includes(valid.email))!;
  expect(receipt).toBeDefined();
  const hrefs = [...receipt.html.matchAll(/href="([^"]*)"/g)].map((match) =>
    match[1]!.replaceAll("&amp;", "&"),
  );
  expect(hrefs).toEqual([e2eBookingUrl]);
  expect(receipt.text).toContain(e2eBookingUrl);
  for (const body of [receipt.html, receipt.text]) {
    expect(body).not.toContain("Zo");
    expect(body).not.toContain(valid.email);
    expect(body).not.toContain(encodeURIComponent(valid.email));
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the prefilled booking link is there too", async ({ page }) => {
    await page.goto("/contact");
    await fill(page, { ...valid, name: person.name });
    await send(page);
    await expectPrefilledLink(page, valid.email);
  });
});
