import { openStore } from "@/lib/db/open-store";
import { EMAIL_MAX_LENGTH } from "@/lib/forms/email-field";
import { mailEnv } from "@/lib/config/env";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import { eraseFromOutbox } from "@/lib/mail/outbox-transport";
import { erasePersonalData } from "@/lib/privacy/personal-data";
import { formatFields, runScript, wantsHelp } from "./run";

const help = `Usage: npm run data:erase -- <address>

Deletes everything the site's store holds about an email address (inquiries, newsletter
signups, the subscription and its consent records, its email counters), every email in the
local outbox (OUTBOX_DIR) sent to, replying to or naming it, and removes the contact from
Resend (and the outbox's contacts.json). An email a delivery pass had already taken is not
sent once the row is gone. For a request to erase (Art. 17 GDPR). Backups made before keep
their copy until they are deleted. Emails already in the coach's inbox are not touched. Works
while the site runs and without it.

Environment: DATABASE_URL, DATA_DIR, and the site's mail settings.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (wantsHelp(args) || args.length !== 1 || !args[0]!.includes("@") || args[0]!.length > EMAIL_MAX_LENGTH) {
    console.log(help);
    return wantsHelp(args) ? 0 : 2;
  }
  const address = args[0]!;
  const store = await openStore();
  try {
    // The store first: if Resend then fails, running the command again finishes the job.
    const erased = await erasePersonalData(store.db, address);
    const { mail } = mailEnv();
    // The outbox folder even with Resend configured: mail written before Resend was.
    const outbox = await eraseFromOutbox(mail.transport === "outbox" ? mail.outboxDir : ".outbox", address);
    let contact = "removed";
    try {
      await configuredMailer().removeContact(address.trim().toLowerCase());
    } catch (error) {
      contact = `NOT removed (${error instanceof Error ? error.message : String(error)}): run the command again`;
    }
    console.log(
      formatFields([
        ["store", store.describe],
        ["inquiries deleted", String(erased.inquiries)],
        ["signups deleted", String(erased.signups)],
        ["subscriber deleted", String(erased.subscribers)],
        ["consents deleted", String(erased.consents)],
        ["email counters deleted", String(erased.counters)],
        ["outbox emails deleted", String(outbox.emails)],
        ["Resend contact", contact],
      ]),
    );
    return contact === "removed" ? 0 : 1;
  } finally {
    await store.close();
  }
}

runScript(main);
