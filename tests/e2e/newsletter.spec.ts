import type { Locator, Page } from "@playwright/test";
import { newsletterPitch } from "@/lib/config/site-config";
import { expect, fakeResend, seriousA11yViolations, test } from "./fixtures";

const CONSENT_KEYS = ["consent_confirmed_at", "consent_source", "consent_privacy_policy"];

function band(page: Page) {
  return page.getByRole("contentinfo").getByRole("region", { name: newsletterPitch() });
}

async function signUp(page: Page, form: Locator, email: string, firstName?: string) {
  await form.getByLabel("Email").fill(email);
  if (firstName) await form.getByLabel("First name").fill(firstName);
  await page.clock.runFor(5_000);
  await form.getByRole("button", { name: "Subscribe" }).click();
}

/** The confirmation link from the one email the fake Resend server received, as a local path. */
async function confirmationPath(): Promise<string> {
  const emails = await fakeResend.emails();
  expect(emails).toHaveLength(1);
  const link = /href="([^"]*\/newsletter\/confirm\?token=[^"]+)"/.exec(emails[0]!.html)?.[1];
  expect(link).toBeTruthy();
  const url = new URL(link!.replaceAll("&amp;", "&"));
  return url.pathname + url.search;
}

test("subscribe from the band, open the link, confirm: one contact with its consent", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "grace@example.com", "Grace");
  await expect(band(page).getByRole("status")).toContainText(
    "I sent a confirmation link to grace@example.com",
  );

  const [email] = await fakeResend.emails();
  expect(email).toMatchObject({
    to: ["grace@example.com"],
    from: "Alex Brandt Coaching <website@mail.example.com>",
  });
  expect(email!.subject).toContain("confirm your subscription");
  expect(await fakeResend.contacts()).toEqual([]);

  // Opening the link (as a mail scanner would) adds nobody.
  const path = await confirmationPath();
  const scanner = await page.request.get(path);
  expect(scanner.status()).toBe(200);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  await expect(page.getByRole("main")).toContainText("grace@example.com");
  expect(await fakeResend.contacts()).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
  const contacts = await fakeResend.contacts();
  expect(contacts).toHaveLength(1);
  expect(contacts[0]).toMatchObject({
    email: "grace@example.com",
    firstName: "Grace",
    unsubscribed: false,
    segments: ["seg_newsletter_e2e"],
  });
  expect(Object.keys(contacts[0]!.properties).sort()).toEqual([...CONSENT_KEYS].sort());
  expect(contacts[0]!.properties).toMatchObject({
    consent_source: "site-band",
    consent_privacy_policy: "2026-11-26",
  });
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Confirming again is harmless: still one contact, still subscribed.
  await page.goto(path);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
  expect(await fakeResend.contacts()).toHaveLength(1);
});

test("the /newsletter page and the slot on the offer page sign up too, with their source", async ({
  page,
}) => {
  await page.clock.install();
  await page.goto("/newsletter");
  const pageForm = page.getByRole("main").getByRole("region", { name: "Newsletter signup" });
  await signUp(page, pageForm, "page@example.com");
  await expect(pageForm.getByRole("status")).toContainText("confirmation link");
  await page.goto(await confirmationPath());
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
  expect((await fakeResend.contacts())[0]!.properties.consent_source).toBe("newsletter-page");

  await fakeResend.reset();
  await page.goto("/vp-engineering-coaching");
  const slot = page.getByRole("main").getByRole("region", { name: "Newsletter signup" });
  await signUp(page, slot, "slot@example.com");
  await expect(slot.getByRole("status")).toContainText("confirmation link");
  expect((await fakeResend.emails())[0]!.to).toEqual(["slot@example.com"]);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("a tampered link is refused, adds nobody and offers to sign up again", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "mallory@example.com");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");
  const path = await confirmationPath();
  const token = new URL(path, "http://x").searchParams.get("token")!;
  const [header, payload, signature] = token.split(".");
  const forged = JSON.parse(Buffer.from(payload!, "base64url").toString());
  forged.email = "victim@example.com";
  const tampered = [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join(".");

  for (const bad of [tampered, `${token.slice(0, -2)}xx`, "not-a-token", ""]) {
    await page.goto(`/newsletter/confirm?token=${encodeURIComponent(bad)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
    await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("button", { name: "Subscribe" })).toBeVisible();
  }
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await fakeResend.contacts()).toEqual([]);
});

test("an invalid address gets an error, keeps the input and sends nothing", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "grace@", "Grace");
  const email = band(page).getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/valid email address/);
  await expect(email).toBeFocused();
  await expect(email).toHaveValue("grace@");
  await expect(band(page).getByLabel("First name")).toHaveValue("Grace");
  expect(await fakeResend.emails()).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("signing up again, once already on the list, answers the same and sends no second email", async ({
  page,
}) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "twice@example.com");
  const status = band(page).getByRole("status");
  await expect(status).toContainText("confirmation link");
  const first = await status.innerText();
  await page.goto(await confirmationPath());
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");

  await page.goto("/");
  await signUp(page, band(page), "twice@example.com");
  await expect(status).toContainText("confirmation link");
  expect(await status.innerText()).toBe(first);
  // Same address within the hour: same token, same idempotency key, one email.
  expect(await fakeResend.emails()).toHaveLength(1);
  expect(await fakeResend.contacts()).toHaveLength(1);
});

test("Resend failing at signup and at confirmation: a clear message, and a retry works", async ({ page }) => {
  await page.clock.install();
  await fakeResend.fail({ status: 500, times: 20, path: "/emails" });
  await page.goto("/");
  await signUp(page, band(page), "retry@example.com");
  await expect(band(page).getByRole("alert")).toContainText("could not be sent", { timeout: 15_000 });
  await expect(band(page).getByLabel("Email")).toHaveValue("retry@example.com");

  await fakeResend.reset();
  await band(page).getByRole("button", { name: "Subscribe" }).click();
  await expect(band(page).getByRole("status")).toContainText("confirmation link");

  await page.goto(await confirmationPath());
  await fakeResend.fail({ status: 503, times: 20, path: "/contacts" });
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not subscribed yet", {
    timeout: 15_000,
  });
  expect(await fakeResend.contacts()).toEqual([]);

  await fakeResend.fail({ status: 503, times: 0 });
  await fakeResend.reset();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
  expect(await fakeResend.contacts()).toHaveLength(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign up and confirm", async ({ page }) => {
    await page.goto("/newsletter");
    const pageForm = page.getByRole("main").getByRole("region", { name: "Newsletter signup" });
    await pageForm.getByLabel("Email").fill("nojs@example.com");
    await pageForm.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("confirmation link");
    await page.goto(await confirmationPath());
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
    expect(await fakeResend.contacts()).toHaveLength(1);
  });
});
