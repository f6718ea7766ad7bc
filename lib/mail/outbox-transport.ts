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

// The outbox holds live confirmation links and people's messages: only the site's user may read
// it. A mode applies only when a file or folder is created, so what exists is chmod-ed too.
const privateDirMode = 0o700;
const privateFileMode = 0o600;

// Best effort on what exists: a folder another user owns (a mounted volume) cannot be chmod-ed,
// and the mail must still be written.
const chmodIfOurs = (target: string, mode: number) => fs.chmod(target, mode).catch(() => undefined);

async function privateDir(dir: string, root = dir): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: privateDirMode });
  await chmodIfOurs(root, privateDirMode);
  if (dir !== root) await chmodIfOurs(dir, privateDirMode);
}

async function writePrivate(file: string, data: string): Promise<void> {
  await fs.writeFile(file, data, { mode: privateFileMode });
  await chmodIfOurs(file, privateFileMode);
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
    findContact: (email: string) =>
      asMailFailure(
        readContacts(path.join(root, "contacts.json")).then((contacts) => {
          const contact = contacts[email.toLowerCase()];
          return contact && { email: contact.email.toLowerCase(), unsubscribed: contact.unsubscribed };
        }),
      ),
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
    await writePrivate(file, `${JSON.stringify(contacts, null, 2)}\n`);
  }

  async function writeEmail(email: OutgoingEmail) {
    await privateDir(root);
    const stem = fileStem(email.idempotencyKey);
    const jsonFile = path.join(root, `${stem}.json`);
    const existing = await fs.readFile(jsonFile, "utf8").catch(() => undefined);
    if (existing) return { id: (JSON.parse(existing) as { id: string }).id };
    const id = `outbox-${stem}`;
    const record = { id, createdAt: new Date().toISOString(), ...email };
    await writePrivate(path.join(root, `${stem}.html`), email.html);
    await writePrivate(jsonFile, `${JSON.stringify(record, null, 2)}\n`);
    const category = email.tags?.find((tag) => tag.name === "category")?.value ?? "an";
    console.info(`[outbox] ${category} email → ${path.relative(process.cwd(), jsonFile)}`);
    return { id };
  }

  async function writeContact(contact: NewsletterContact) {
    await privateDir(root);
    const file = path.join(root, "contacts.json");
    const contacts = await readContacts(file);
    const { resubscribe = true, ...fields } = contact;
    contacts[contact.email.toLowerCase()] = {
      ...fields,
      // As Resend: an import leaves an unsubscribed contact unsubscribed.
      unsubscribed: resubscribe ? false : (contacts[contact.email.toLowerCase()]?.unsubscribed ?? false),
    };
    await writePrivate(file, `${JSON.stringify(contacts, null, 2)}\n`);
    console.info(`[outbox] newsletter contact written → ${path.relative(process.cwd(), file)}`);
  }
}

/** An address as its own word in a text: not part of a longer address. */
function mentions(text: string, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![a-z0-9._%+-])${escaped}(?![a-z0-9-]|\\.[a-z0-9])`, "i").test(text);
}

/**
 * Erasure (`npm run data:erase`): deletes every email in the outbox folder sent to the address,
 * replying to it (the coach's copy of an inquiry) or naming it (a digest), each its .json and
 * .html pair, and the address's contact in contacts.json. Broadcasts name nobody.
 */
export async function eraseFromOutbox(
  dir: string,
  address: string,
): Promise<{ emails: number; contact: boolean }> {
  const root = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
  const email = address.trim().toLowerCase();
  const names = await fs.readdir(root).catch(() => [] as string[]);
  let emails = 0;
  for (const name of names.filter((file) => file.endsWith(".json") && file !== "contacts.json")) {
    const file = path.join(root, name);
    const record = await fs
      .readFile(file, "utf8")
      .then((text) => JSON.parse(text) as Partial<OutgoingEmail>)
      .catch(() => undefined);
    if (!record || typeof record !== "object") continue;
    const recipients = [record.to, record.replyTo]
      .flat()
      .filter((value): value is string => typeof value === "string")
      .map((value) => value.trim().toLowerCase());
    const named = [record.subject, record.text, record.html].some(
      (text) => typeof text === "string" && mentions(text, email),
    );
    if (!recipients.includes(email) && !named) continue;
    await fs.rm(path.join(root, `${name.slice(0, -".json".length)}.html`), { force: true });
    await fs.rm(file, { force: true });
    emails += 1;
  }
  const contactsFile = path.join(root, "contacts.json");
  const contacts = await fs
    .readFile(contactsFile, "utf8")
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => undefined);
  const contact = contacts !== undefined && email in contacts;
  if (contact) {
    delete contacts[email];
    await writePrivate(contactsFile, `${JSON.stringify(contacts, null, 2)}\n`);
  }
  return { emails, contact };
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
    await privateDir(root, path.dirname(root));
    await writePrivate(path.join(root, `${record.id}.html`), record.html);
    await writePrivate(fileOf(record.id), `${JSON.stringify(record, null, 2)}\n`);
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
