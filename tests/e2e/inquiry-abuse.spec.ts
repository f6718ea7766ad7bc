// What the inquiry form does against bots, floods and forged requests.
import { expect, fakeResend, hydrated, test } from "./fixtures";
import { actionFields, fill, openForm, savedAnswer, send, thanks, valid } from "./inquiry-form";

test("the honeypot answers like a success and sends nothing", async ({ page }) => {
  await openForm(page);
  await fill(page);
  await page
    .getByRole("main")
    .locator('input[name="homepage"]')
    .fill("https://spam.example", { force: true });
  await send(page);
  await expect(thanks(page)).toContainText("Your message has reached");
  expect(await fakeResend.emails()).toEqual([]);
});

test("a submission faster than a person could type is saved for the coach to look at, and sends nothing", async ({
  page,
}) => {
  // Page time stands still, so the form is sent "at once" however slow the machine is. The
  // loader starts the framework a frame after the first interaction: those frames are run by
  // hand, a few 16 ms steps of page time, still far below the bot check's seconds.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  const opened = page.goto("/contact");
  await expect
    .poll(
      async () => {
        await page.clock.runFor(16);
        return page.evaluate(hydrated).catch(() => false);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await opened;
  const form = page.getByRole("main").locator("form");
  await form.getByLabel("Name").fill(valid.name);
  await form.getByLabel("Email").fill(valid.email);
  await form.getByLabel("What would you like to work on?").fill(valid.message);
  await send(page);
  // It may be a person using autofill: stored as held, never silently dropped.
  await expect(thanks(page)).toContainText(savedAnswer);
  expect(await fakeResend.emails()).toEqual([]);
});

test("the honeypot is out of reach for keyboards and screen readers", async ({ page }) => {
  await page.goto("/contact");
  const honeypot = page.getByRole("main").locator('input[name="homepage"]');
  await expect(honeypot).toHaveAttribute("tabindex", "-1");
  await expect(honeypot.locator("xpath=ancestor::*[@aria-hidden='true']")).toHaveCount(1);
});

test("the rate limit stops a flood from one address with a clear message", async ({ page }) => {
  for (let attempt = 0; attempt < 6; attempt++) {
    await openForm(page);
    await fill(page, {
      ...valid,
      message: `${valid.message} (attempt ${attempt})`,
    });
    await send(page);
    if (attempt < 5) await expect(thanks(page)).toContainText("Your message has reached");
  }
  await expect(page.getByRole("main").getByRole("alert")).toContainText("several messages in a short time");
  await expect(page.getByRole("main").getByLabel("What would you like to work on?")).toHaveValue(/attempt 5/);
  expect((await fakeResend.emails()).filter((email) => email.subject.startsWith("Intro call"))).toHaveLength(
    5,
  );
});

test("rotating X-Real-IP behind a proxy that appends X-Forwarded-For does not lift the rate limit", async ({
  page,
  clientIp,
}) => {
  for (let attempt = 0; attempt < 6; attempt++) {
    // The proxy saw one client; the client claims another address in every request.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp, "x-real-ip": `192.0.2.${attempt + 1}` });
    await openForm(page);
    await fill(page, { ...valid, message: `${valid.message} (rotating ${attempt})` });
    await send(page);
    if (attempt < 5) await expect(thanks(page)).toContainText("Your message has reached");
  }
  await expect(page.getByRole("main").getByRole("alert")).toContainText("several messages in a short time");
  expect((await fakeResend.emails()).filter((email) => email.subject.startsWith("Intro call"))).toHaveLength(
    5,
  );
});

test("a Server Action posted from another origin is refused and sends nothing", async ({ page, request }) => {
  await page.goto("/contact");
  // The real form's hidden action fields, replayed from a foreign origin.
  const multipart = { ...(await actionFields(page)), ...valid, fill_ms: "60000" };
  const response = await request.post("/contact", {
    multipart,
    headers: {
      origin: "https://evil.example",
      "x-forwarded-for": "203.0.113.9",
    },
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await fakeResend.emails()).toEqual([]);

  // The same post from the site's own origin goes through, so the refusal above is about origin.
  const sameOrigin = await request.post("/contact", {
    multipart,
    headers: {
      origin: new URL(page.url()).origin,
      "x-forwarded-for": "203.0.113.10",
    },
  });
  expect(sameOrigin.status()).toBe(200);
  expect((await fakeResend.emails()).length).toBeGreaterThan(0);
});

test("an oversized request body is refused before it is parsed", async ({ page, request }) => {
  await page.goto("/contact");
  const response = await request.post("/contact", {
    multipart: { ...(await actionFields(page)), ...valid, message: "x".repeat(100_000), fill_ms: "60000" },
    headers: { origin: new URL(page.url()).origin, "x-forwarded-for": "203.0.113.11" },
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await fakeResend.emails()).toEqual([]);
});
