import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { e2eMailEnv } from "../../playwright.config";
import { siteConfig } from "@/lib/config/site-config";
import { newsletterPitch } from "./words";
import { expect, fakeResend, seriousA11yViolations, test } from "./fixtures";
import { runCommand } from "./site-commands";

const CONSENT_KEYS = [
  "consent_signed_up_at",
  "consent_confirmed_at",
  "consent_source",
  "consent_method",
  "consent_privacy_policy",
];

function band(page: Page) {
  return page.getByRole("contentinfo").getByRole("region", { name: newsletterPitch() });
}

async function signUp(page: Page, form: Locator, email: string, firstName?: string) {
  await form.getByLabel("Email").fill(email);
  if (firstName) await form.getByLabel("First name").fill(firstName);
  await page.clock.runFor(5_000);
  await form.getByRole("button", { name: "Subscribe" }).click();
}

/** The emails the fake Resend server received, once there are at least `count` (they go right after the answer). */
async function emailsOnceThere(count = 1) {
  await expect.poll(async () => (await fakeResend.emails()).length).toBeGreaterThanOrEqual(count);
  return fakeResend.emails();
}

/** The confirmation link from the one (or the n-th) email the fake Resend server received, as a local path. */
async function confirmationPath(index?: number): Promise<string> {
  const emails = await emailsOnceThere((index ?? 0) + 1);
  if (index === undefined) expect(emails).toHaveLength(1);
  const link = /href="([^"]*\/newsletter\/confirm\?token=[^"]+)"/.exec(emails[index ?? 0]!.html)?.[1];
  expect(link).toBeTruthy();
  const url = new URL(link!.replaceAll("&amp;", "&"));
  return url.pathname + url.search;
}

/** A call to the Resend webhook route, signed as Resend signs it (or with `signature` instead). */
async function postWebhook(request: APIRequestContext, event: object, signature?: string) {
  const body = JSON.stringify(event);
  const id = `msg_${Date.now()}`;
  const now = new Date();
  return request.post("/api/webhooks/resend", {
    data: body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": signature ?? new Webhook(e2eMailEnv.RESEND_WEBHOOK_SECRET).sign(id, now, body),
    },
  });
}

const unsubscribeEvent = (email: string) => ({
  type: "contact.updated",
  created_at: new Date().toISOString(),
  data: { id: "c_1", email, unsubscribed: true },
});

test("subscribe from the band, open the link, confirm: one contact with its consent", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "grace@example.com", "Grace");
  await expect(band(page).getByRole("status")).toContainText("grace@example.com");

  const [email] = await emailsOnceThere();
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
  // The consent evidence, and the language the person signed up in (it picks their segment).
  expect(Object.keys(contacts[0]!.properties).sort()).toEqual([...CONSENT_KEYS, "language"].sort());
  expect(contacts[0]!.properties).toMatchObject({
    consent_source: "site-band",
    consent_privacy_policy: siteConfig.privacyPolicyVersion,
  });
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A second visit says so, with nothing left to press.
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("subscribed");
  await expect(page.getByRole("main")).toContainText("grace@example.com");
  await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
  expect(await fakeResend.contacts()).toHaveLength(1);
});

test("the link carries an opaque token, not the address or the name", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "opaque.person@example.com", "Opaque");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");
  const path = await confirmationPath();
  expect(path).not.toMatch(/opaque|example/i);
  const token = new URL(path, "http://x").searchParams.get("token")!;
  const bytes = Buffer.from(token, "base64url");
  expect(bytes.length).toBeGreaterThanOrEqual(16);
  expect(bytes.toString("latin1")).not.toMatch(/opaque|example/i);
  expect(token.split(".")).toHaveLength(1);
});

test("ten signups for one address with other names and networks send at most two emails, with the same answer", async ({
  page,
}) => {
  await page.clock.install();
  const answers = new Set<string>();
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${attempt + 1}` });
    await page.goto("/");
    await signUp(page, band(page), "stranger@example.com", `Name${attempt}`);
    const status = band(page).getByRole("status");
    await expect(status).toContainText("confirmation link");
    answers.add(await status.innerText());
  }
  expect(answers.size).toBe(1);
  await expect
    .poll(async () =>
      (await fakeResend.emails()).filter((email) => email.to.includes("stranger@example.com")),
    )
    .toHaveLength(2);
});

test("addresses in mixed case are one subscriber, and both signups succeed", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "Mixed.Case@Example.com");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");
  await page.goto("/");
  await signUp(page, band(page), "mixed.case@example.com");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");

  await page.goto(await confirmationPath(0));
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");
  // The second link finds the address already on the list.
  await page.goto(await confirmationPath(1));
  await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("mixed.case@example.com");
  const contacts = await fakeResend.contacts();
  expect(contacts.map((contact) => contact.email)).toEqual(["mixed.case@example.com"]);
});

test("an unsubscribe from Resend's webhook sticks: the old link cannot re-subscribe; a bad signature changes nothing", async ({
  page,
  request,
}) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "leaver@example.com");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");
  const path = await confirmationPath();
  await page.goto(path);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed");

  const forged = await postWebhook(
    request,
    unsubscribeEvent("leaver@example.com"),
    "v1,Zm9yZ2VkIHNpZ25hdHVyZQ==",
  );
  expect(forged.status()).toBe(401);
  const unsigned = await request.post("/api/webhooks/resend", {
    data: unsubscribeEvent("leaver@example.com"),
  });
  expect(unsigned.status()).toBe(401);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("subscribed");

  const genuine = await postWebhook(request, unsubscribeEvent("leaver@example.com"));
  expect(genuine.status()).toBe(200);
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("subscribed");
  // It offers a fresh signup instead.
  await expect(page.getByRole("main").getByRole("button", { name: "Subscribe" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("every newsletter form links to the privacy page beside its button", async ({ page }) => {
  await page.goto("/newsletter");
  const forms = page.getByRole("form").filter({ has: page.getByRole("button", { name: "Subscribe" }) });
  expect(await forms.count()).toBeGreaterThanOrEqual(2);
  for (const form of await forms.all()) {
    await expect(form.getByRole("link", { name: /data/i })).toHaveAttribute("href", /^\/privacy#/);
  }
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
  expect((await emailsOnceThere())[0]!.to).toEqual(["slot@example.com"]);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("an altered or unknown link is refused, adds nobody and offers to sign up again", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await signUp(page, band(page), "mallory@example.com");
  await expect(band(page).getByRole("status")).toContainText("confirmation link");
  const token = new URL(await confirmationPath(), "http://x").searchParams.get("token")!;

  for (const bad of [`${token.slice(0, -2)}xx`, "not-a-token", ""]) {
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
  // An address on the list gets no second email.
  expect(await fakeResend.emails()).toHaveLength(1);
  expect(await fakeResend.contacts()).toHaveLength(1);
});

test("Resend failing at signup: the signup is kept and its email sent once Resend is back; failing at confirmation: subscribed, and the contact is written later", async ({
  page,
}) => {
  await page.clock.install();
  await fakeResend.down({ status: 500, path: "/emails" });
  await page.goto("/");
  await signUp(page, band(page), "retry@example.com");
  // The answer does not wait for Resend: the email goes after it, and is kept when it fails.
  await expect(band(page).getByRole("status")).toContainText("retry@example.com");
  const sendAttempts = async () =>
    (await fakeResend.requests()).filter((request) => request.path === "/emails").length;
  // The send right after the answer, with the transport's own retries, has given up.
  await expect.poll(sendAttempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await page.waitForTimeout(1_000);
  expect(await fakeResend.emails()).toEqual([]);

  await fakeResend.recover();
  await runCommand("deliver").catch(() => undefined);
  await expect
    .poll(async () => (await fakeResend.emails()).map((email) => email.to))
    .toEqual([["retry@example.com"]]);

  await page.goto(await confirmationPath());
  await fakeResend.down({ status: 503, path: "/contacts" });
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("You're subscribed", {
    timeout: 15_000,
  });
  expect(await fakeResend.contacts()).toEqual([]);

  // Once Resend is back, the contact is written: by `npm run deliver` here, or first by the
  // confirmation's own retries or the site's worker timer, whichever comes first. Never twice.
  await fakeResend.recover();
  await runCommand("deliver").catch(() => undefined);
  await expect
    .poll(async () => (await fakeResend.contacts()).map((contact) => contact.email))
    .toEqual(["retry@example.com"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign up and confirm", async ({ page }) => {
    // Without JavaScript the button's POST renders the page again: the link now reads as used.
    await page.goto("/newsletter");
    const pageForm = page.getByRole("main").getByRole("region", { name: "Newsletter signup" });
    await pageForm.getByLabel("Email").fill("nojs@example.com");
    await pageForm.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("confirmation link");
    await page.goto(await confirmationPath());
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("main")).toContainText("You're subscribed");
    await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
    expect(await fakeResend.contacts()).toHaveLength(1);
  });
});
