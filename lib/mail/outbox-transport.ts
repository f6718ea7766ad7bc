import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MailError,
  type BroadcastContent,
  type Broadcaster,
  type BroadcastSummary,
  type Mailer,
  type NewsletterContact,
  type OutgoingEmail,
} from "@/lib/mail/mailer";

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

type StoredBroadcast = BroadcastSummary & BroadcastContent & { updatedAt: string };

/**
 * Broadcasts without RESEND_API_KEY: each one a JSON file in <outbox>/broadcasts/ (its content,
 * status and segment, as Resend would hold them) beside an .html file to open in a browser.
 * Sending marks it sent; nobody receives anything.
 */
export function outboxBroadcaster(dir: string, segmentId?: string): Broadcaster {
  const root = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir, "broadcasts");
  const fileOf = (id: string) => path.join(root, `${id}.json`);

  async function all(): Promise<StoredBroadcast[]> {
    const names = await fs.readdir(root).catch(() => [] as string[]);
    const records = await Promise.all(
      names
        .filter((name) => name.endsWith(".json"))
        .map(async (name) => JSON.parse(await fs.readFile(path.join(root, name), "utf8")) as StoredBroadcast),
    );
    return records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function write(record: StoredBroadcast) {
    await fs.mkdir(root, { recursive: true });
    await fs.writeFile(path.join(root, `${record.id}.html`), record.html);
    await fs.writeFile(fileOf(record.id), `${JSON.stringify(record, null, 2)}\n`);
  }

  async function read(id: string): Promise<StoredBroadcast> {
    const raw = await fs.readFile(fileOf(id), "utf8").catch(() => undefined);
    if (!raw) throw new MailError(`outbox: no broadcast ${id}`, false, 404);
    return JSON.parse(raw) as StoredBroadcast;
  }

  const summary = ({
    id,
    name,
    status,
    segmentId,
    createdAt,
    sentAt,
  }: StoredBroadcast): BroadcastSummary => ({
    id,
    name,
    status,
    segmentId,
    createdAt,
    sentAt,
  });

  return {
    destination: `the outbox (${root})`,
    findBroadcast: (name: string) =>
      asMailFailure(
        all().then((records) => {
          const matching = records.filter((record) => record.name === name);
          const chosen = matching.find((record) => record.status !== "draft") ?? matching[0];
          return chosen && summary(chosen);
        }),
      ),
    createBroadcast: (content: BroadcastContent) =>
      asMailFailure(
        (async () => {
          const now = new Date().toISOString();
          const id = `outbox-broadcast-${randomUUID()}`;
          await write({
            id,
            status: "draft",
            segmentId: segmentId ?? null,
            createdAt: now,
            updatedAt: now,
            sentAt: null,
            ...content,
          });
          console.info(
            `[outbox] broadcast "${content.name}" (draft) → ${path.relative(process.cwd(), fileOf(id))}`,
          );
          return { id };
        })(),
      ),
    updateBroadcast: (id: string, content: BroadcastContent) =>
      asMailFailure(
        (async () => {
          const record = await read(id);
          if (record.status !== "draft")
            throw new MailError(`outbox: broadcast ${id} is ${record.status}`, false, 422);
          await write({ ...record, ...content, updatedAt: new Date().toISOString() });
        })(),
      ),
    sendBroadcast: (id: string) =>
      asMailFailure(
        (async () => {
          const record = await read(id);
          if (record.status !== "draft")
            throw new MailError(`outbox: broadcast ${id} is ${record.status}`, false, 422);
          const now = new Date().toISOString();
          await write({ ...record, status: "sent", sentAt: now, updatedAt: now });
          console.info(
            `[outbox] broadcast "${record.name}" marked sent (nobody receives it) → ${path.relative(process.cwd(), fileOf(id))}`,
          );
        })(),
      ),
  };
}

/**
 * A folder that cannot be written (read-only, full, a path under a file) is a mail failure like
 * Resend being down: the caller keeps what was typed (or the stored inquiry) and tries again.
 */
async function asMailFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MailError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MailError(
      `outbox not writable${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
}
