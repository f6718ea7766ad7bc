// The contact page's inquiry form, driven the way a person fills it in.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";

const baseMessage = "I run a 60-person engineering org and my CEO calls me 'basically our CTO'. What now?";

/**
 * A valid inquiry. The address and the message change for every test (`freshInquiry`, called by
 * the page fixture): the store answers the same inquiry within 24 hours with the first one's
 * answer and sends nothing new, so each test needs words of its own.
 */
export const valid = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  company: "Analytical Engines GmbH",
  role: "VP Engineering",
  message: baseMessage,
};

export function freshInquiry() {
  const token = randomBytes(4).toString("hex");
  valid.email = `ada.${token}@example.com`;
  valid.message = `${baseMessage} (ref ${token})`;
  return valid;
}

export const savedAnswer = "Your message is saved and will reach Alex Brandt shortly";

export async function openForm(page: Page) {
  // The fake clock lets a test pass the minimum fill time without waiting for it.
  await page.clock.install();
  await page.goto("/contact");
  return page.getByRole("main").locator("form");
}

export async function fill(page: Page, values: Partial<typeof valid> = valid) {
  const form = page.getByRole("main").locator("form");
  if (values.name !== undefined) await form.getByLabel("Name").fill(values.name);
  if (values.email !== undefined) await form.getByLabel("Email").fill(values.email);
  if (values.company !== undefined) await form.getByLabel("Company").fill(values.company);
  if (values.role !== undefined) await form.getByLabel("Role").selectOption(values.role);
  if (values.message !== undefined)
    await form.getByLabel("What would you like to work on?").fill(values.message);
  await page.clock.runFor(5_000);
}

export const send = (page: Page) =>
  page.getByRole("main").getByRole("button", { name: "Send inquiry" }).click();
export const thanks = (page: Page) => page.getByRole("main").getByRole("status");

/** The hidden fields React renders into the form, to replay the Server Action by hand. */
export async function actionFields(page: Page): Promise<Record<string, string>> {
  const fields = await page
    .getByRole("main")
    .locator("form input[type=hidden]")
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
    );
  return Object.fromEntries(fields);
}
