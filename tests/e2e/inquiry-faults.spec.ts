// The inquiry when the email service fails: the person's words are stored first, they are told
// so honestly, and `npm run deliver` (or the worker) delivers each inquiry exactly once later.
// Two passes at once and an unwritable outbox are covered in tests/unit (inquiry-delivery,
// form-actions); a restart between storing and delivering in tests/unit/inquiry-restart.
import { expect, fakeResend, test, type RecordedEmail } from "./fixtures";
import { runCommand } from "./site-commands";
import { fill, freshInquiry, openForm, savedAnswer, send, thanks } from "./inquiry-form";

const deliverNow = () => runCommand("deliver");

const forAddress = (emails: RecordedEmail[], address: string) => ({
  toCoach: emails.filter((email) => email.reply_to === address || email.reply_to?.[0] === address),
  receipts: emails.filter((email) => email.to.includes(address)),
});

test.describe.configure({ timeout: 150_000 });

test("Resend down: the person is told the message is saved; once it is back, `npm run deliver` delivers each inquiry exactly once", async ({
  page,
}) => {
  await fakeResend.down({ status: 500, path: "/emails" });
  const addresses: string[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const inquiry = attempt === 0 ? undefined : freshInquiry();
    await openForm(page);
    await fill(page, inquiry);
    addresses.push((await page.getByRole("main").getByLabel("Email").inputValue()).toLowerCase());
    await send(page);
    await expect(thanks(page)).toContainText(savedAnswer, { timeout: 15_000 });
    await expect(thanks(page)).toContainText("you will get a confirmation by email when it has");
  }
  expect(await fakeResend.emails()).toEqual([]);

  await fakeResend.recover();
  await deliverNow();

  const emails = await fakeResend.emails();
  for (const address of addresses) {
    const { toCoach, receipts } = forAddress(emails, address);
    expect(toCoach, `coach's email for ${address}`).toHaveLength(1);
    expect(receipts, `receipt to ${address}`).toHaveLength(1);
  }
  // Every accepted request at the fake carried a key of its own: nothing was sent twice.
  const keys = emails.map((email) => email.idempotencyKey);
  expect(new Set(keys).size).toBe(keys.length);

  // A second run finds nothing left and sends nothing more.
  await deliverNow();
  expect(await fakeResend.emails()).toHaveLength(emails.length);
});

test("Resend never answering: the person gets an answer within the deadline, and the inquiry is delivered later", async ({
  page,
}) => {
  await fakeResend.down({ status: 0, hang: true, path: "/emails" });
  await openForm(page);
  await fill(page);
  const address = (await page.getByRole("main").getByLabel("Email").inputValue()).toLowerCase();
  const started = Date.now();
  await send(page);
  await expect(thanks(page)).toContainText(savedAnswer, { timeout: 15_000 });
  const waited = Date.now() - started;
  expect(waited).toBeLessThan(12_000);
  console.log(`[fault] Resend hanging: the person had an answer after ${waited} ms`);

  await fakeResend.recover();
  await deliverNow();
  const { toCoach, receipts } = forAddress(await fakeResend.emails(), address);
  expect(toCoach).toHaveLength(1);
  expect(receipts).toHaveLength(1);
});
