import { expect, fakeResend, seriousA11yViolations, test } from "./fixtures";
import { fill, openForm, send, thanks, valid } from "./inquiry-form";

test("a valid inquiry sends one email to the coach and a receipt to the sender", async ({ page }) => {
  await openForm(page);
  await fill(page);
  await send(page);
  await expect(thanks(page)).toContainText("Your message has reached Alex Brandt");
  await expect(page).toHaveURL(/\/contact$/);

  const emails = await fakeResend.emails();
  expect(emails).toHaveLength(2);
  const [toCoach, receipt] = emails;
  expect(toCoach).toMatchObject({
    from: "Alex Brandt Coaching <website@mail.example.com>",
    to: ["coach@example.com"],
    reply_to: valid.email,
    subject: "Intro call inquiry from Ada Lovelace",
  });
  expect(toCoach!.idempotencyKey).toMatch(/^inquiry-[0-9a-f-]{36}$/);
  for (const value of Object.values(valid)) expect(toCoach!.text).toContain(value);
  expect(toCoach!.html).toContain("Analytical Engines GmbH");
  expect(toCoach!.html).toContain("&#x27;basically our CTO&#x27;");

  expect(receipt!.to).toEqual([valid.email]);
  expect(receipt!.text).not.toContain("Ada");
  expect(receipt!.text).not.toContain("basically our CTO");
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("user text is escaped in the email", async ({ page }) => {
  await openForm(page);
  await fill(page, {
    ...valid,
    name: "Eve <img src=x onerror=alert(1)>",
    message: "<script>alert('x')</script> and a sentence.",
  });
  await send(page);
  await expect(thanks(page)).toContainText("Your message has reached Alex Brandt");
  const [toCoach] = await fakeResend.emails();
  expect(toCoach!.html).not.toContain("<script>");
  expect(toCoach!.html).not.toContain("<img src=x");
  expect(toCoach!.html).toContain("&lt;script&gt;");
});

const invalidCases: [string, Partial<typeof valid>, string, string][] = [
  ["missing name", { ...valid, name: "" }, "Name", "Please enter your name."],
  ["missing email", { ...valid, email: "" }, "Email", "Please enter your email address."],
  ["malformed email", { ...valid, email: "ada@" }, "Email", "Please enter a valid email address"],
  [
    "too short a message",
    { ...valid, message: "Hi" },
    "What would you like to work on?",
    "Please write a sentence or more",
  ],
  [
    "too long a message",
    { ...valid, message: "a".repeat(4001) },
    "What would you like to work on?",
    "under 4000 characters",
  ],
];

for (const [name, values, label, message] of invalidCases) {
  test(`${name}: nothing is sent, the field explains itself and gets focus`, async ({ page }) => {
    await openForm(page);
    await fill(page, values);
    await send(page);
    const field = page.getByRole("main").getByLabel(label);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[?.]/g, "\\$&")));
    await expect(field).toBeFocused();
    // Everything typed is still there.
    for (const [key, value] of Object.entries(values)) {
      if (key === "role") continue;
      const input = page
        .getByRole("main")
        .getByLabel(
          key === "message" ? "What would you like to work on?" : key[0]!.toUpperCase() + key.slice(1),
        );
      await expect(input).toHaveValue(value);
    }
    expect(await fakeResend.emails()).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}

test("fields are checked when the person leaves them, and the error clears once fixed", async ({ page }) => {
  await openForm(page);
  const email = page.getByRole("main").getByLabel("Email");
  await email.fill("not-an-address");
  await expect(email).not.toHaveAttribute("aria-invalid");
  await email.press("Tab");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("ada@example.com");
  await expect(email).not.toHaveAttribute("aria-invalid");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an invalid inquiry comes back with errors and every value kept", async ({ page }) => {
    await page.goto("/contact");
    await fill(page, { ...valid, email: "nope" });
    await send(page);
    const email = page.getByRole("main").getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveValue("nope");
    await expect(email).toBeFocused();
    await expect(page.getByRole("main").getByLabel("Name")).toHaveValue(valid.name);
    await expect(page.getByRole("main").getByLabel("Role")).toHaveValue(valid.role);
    expect(await fakeResend.emails()).toEqual([]);
  });

  test("a valid inquiry is sent", async ({ page }) => {
    await page.goto("/contact");
    await fill(page);
    await send(page);
    await expect(thanks(page)).toContainText("Your message has reached");
    expect((await fakeResend.emails()).map((email) => email.subject)).toContain(
      "Intro call inquiry from Ada Lovelace",
    );
  });
});

test("a 429 followed by success delivers exactly one email to the coach", async ({ page }) => {
  await fakeResend.fail({ status: 429, times: 1, path: "/emails" });
  await openForm(page);
  await fill(page);
  await send(page);
  await expect(thanks(page)).toContainText("Your message has reached");
  const toCoach = (await fakeResend.emails()).filter((email) =>
    email.subject.startsWith("Intro call inquiry"),
  );
  expect(toCoach).toHaveLength(1);
  const attempts = (await fakeResend.requests()).filter((request) => request.path === "/emails");
  expect(attempts.map((request) => request.status)).toEqual([429, 200, 200]);
});

test("a double click sends one inquiry and shows the pending state", async ({ page }) => {
  await fakeResend.delay(800);
  await openForm(page);
  await fill(page);
  await page.getByRole("main").getByRole("button", { name: "Send inquiry" }).dblclick();
  await expect(page.getByRole("main").getByRole("button", { name: "Sending…" })).toBeVisible();
  await expect(thanks(page)).toContainText("Your message has reached", {
    timeout: 10_000,
  });
  const toCoach = (await fakeResend.emails()).filter((email) =>
    email.subject.startsWith("Intro call inquiry"),
  );
  expect(toCoach).toHaveLength(1);
});

test("the form can be completed with the keyboard alone", async ({ page }) => {
  await openForm(page);
  await page.getByRole("main").getByLabel("Name").focus();
  await page.keyboard.type(valid.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(valid.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(valid.company);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.type(valid.message);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("button", { name: "Send inquiry" })).toBeFocused();
  await page.clock.runFor(5_000);
  await page.keyboard.press("Enter");
  await expect(thanks(page)).toContainText("Your message has reached");
  expect(await fakeResend.emails()).toHaveLength(2);
});
