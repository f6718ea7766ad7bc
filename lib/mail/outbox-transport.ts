import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { MailError, type Mailer, type NewsletterContact, type OutgoingEmail } from "@/lib/mail/mailer";

function fileStem(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 16);
}

/**
 * Without RESEND_API_KEY, mail lands in a local folder: each email as JSON (every field, as
 * Resend would get it) plus an .html file to open in a browser; confirmed newsletter contacts
 * in contacts.json. The same idempotency key writes the same file once, like Resend.
 */
export function outboxMailer(dir: string): Mailer {
  const root = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);

  return {
    send: (email: OutgoingEmail) => asMailFailure(writeEmail(email)),
    subscribe: (contact: NewsletterContact) => asMailFailure(writeContact(contact)),
    removeContact: (email: string) => asMailFailure(deleteContact(email)),
  };

  async function readContacts(file: string) {
    return JSON.parse(await fs.readFile(file, "utf8").catch(() => "{}")) as Record<
      string,
      NewsletterContact & { unsubscribed: boolean }
    >;
  }

  async function deleteContact(email: string) {
    const file = path.join(root, "contacts.json");
    const contacts = await readContacts(file);
    if (!(email.toLowerCase() in contacts)) return;
    delete contacts[email.toLowerCase()];
    await fs.writeFile(file, `${JSON.stringify(contacts, null, 2)}\n`);
  }

  async function writeEmail(email: OutgoingEmail) {
    await fs.mkdir(root, { recursive: true });
    const stem = fileStem(email.idempotencyKey);
    const jsonFile = path.join(root, `${stem}.json`);
    const existing = await fs.readFile(jsonFile, "utf8").catch(() => undefined);
    if (existing) return { id: (JSON.parse(existing) as { id: string }).id };
    const id = `outbox-${stem}`;
    const record = { id, createdAt: new Date().toISOString(), ...email };
    await fs.writeFile(path.join(root, `${stem}.html`), email.html);
    await fs.writeFile(jsonFile, `${JSON.stringify(record, null, 2)}\n`);
    const category = email.tags?.find((tag) => tag.name === "category")?.value ?? "an";
    console.info(`[outbox] ${category} email → ${path.relative(process.cwd(), jsonFile)}`);
    return { id };
  }

  async function writeContact(contact: NewsletterContact) {
    await fs.mkdir(root, { recursive: true });
    const file = path.join(root, "contacts.json");
    const contacts = await readContacts(file);
    contacts[contact.email.toLowerCase()] = {
      ...contact,
      unsubscribed: false,
    };
    await fs.writeFile(file, `${JSON.stringify(contacts, null, 2)}\n`);
    console.info(`[outbox] newsletter contact written → ${path.relative(process.cwd(), file)}`);
  }
}

/**
 * A folder that cannot be written (read-only, full, a path under a file) is a mail failure like
 * Resend being down: the caller keeps what was typed (or the stored inquiry) and tries again.
 */
async function asMailFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MailError(
      `outbox not writable${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
}
