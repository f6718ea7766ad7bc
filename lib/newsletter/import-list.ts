import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { consents, subscribers } from "@/lib/db/schema";
import { emailField, normaliseEmail } from "@/lib/forms/email-field";
import type { Mailer } from "@/lib/mail/mailer";
import { describeError } from "@/lib/mail/send";

/** A subscriber from the coach's existing list, with the consent evidence the file holds. */
export type ImportRow = {
  line: number;
  email: string;
  firstName?: string;
  subscribedAt: Date;
  /** Where they subscribed, as the file says it (a form, an event, a previous provider). */
  source: string;
  /** The row's own words, kept as evidence. */
  raw: { when: string; where: string };
};

export type RowProblem = { line: number; reason: string };

export class ImportFileError extends Error {
  override name = "ImportFileError";
}

// Header spellings seen in exports from list providers and spreadsheets, compared lower-case
// without spaces or punctuation.
const columns = {
  email: ["email", "emailaddress", "address", "mail"],
  firstName: ["firstname", "first", "givenname", "name"],
  when: [
    "subscribedat",
    "when",
    "signedupat",
    "signedup",
    "subscribed",
    "consentdate",
    "consentat",
    "optinat",
    "optindate",
    "date",
  ],
  where: ["where", "source", "subscribedwhere", "signupsource", "consentsource", "form", "optinsource"],
} as const;

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");
const isoDateTime = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads the CSV (a header row, then one subscriber a line). Rows without consent evidence or
 * with an address or date that cannot be read are returned as problems with their line number.
 */
export function parseSubscriberCsv(
  csv: string,
  now = new Date(),
): { rows: ImportRow[]; problems: RowProblem[] } {
  // With `info`, each record comes with where it was read (the types do not say so).
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new ImportFileError("The file is empty.");
  const keys = header.record.map(key);
  const find = (names: readonly string[]) => keys.findIndex((column) => names.includes(column));
  const at = {
    email: find(columns.email),
    firstName: find(columns.firstName),
    when: find(columns.when),
    where: find(columns.where),
  };
  const missing = (["email", "when", "where"] as const).filter((column) => at[column] === -1);
  if (missing.length > 0) {
    throw new ImportFileError(
      `The header row needs columns for ${missing.join(", ")} (found: ${header.record.join(", ")}). ` +
        `Accepted names: email; first name; subscribed at (when); source (where).`,
    );
  }

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (index: number) => (index === -1 ? "" : (record[index] ?? "").trim());
    const email = cell(at.email);
    const when = cell(at.when);
    const where = cell(at.where);
    if (!email) {
      problems.push({ line, reason: "no email address" });
    } else if (!emailField.safeParse(email).success) {
      problems.push({ line, reason: `not an email address: ${email}` });
    } else if (!when || !where) {
      problems.push({
        line,
        reason: `no consent evidence (${[!when && "when", !where && "where"].filter(Boolean).join(" and ")} missing)`,
      });
    } else if (!isoDateTime.test(when) || Number.isNaN(new Date(when).getTime())) {
      problems.push({ line, reason: `"${when}" is not a date (use YYYY-MM-DD or an ISO 8601 time)` });
    } else if (new Date(when) > now) {
      problems.push({ line, reason: `subscribed in the future (${when})` });
    } else {
      rows.push({
        line,
        email: normaliseEmail(email),
        firstName: cell(at.firstName) || undefined,
        subscribedAt: new Date(when),
        source: where.slice(0, 200),
        raw: { when, where },
      });
    }
  }
  return { rows, problems };
}

export type ImportOutcome = {
  imported: ImportRow[];
  /** Already on the list (confirmed here or earlier in the file): nothing added. */
  present: ImportRow[];
  /** Unsubscribed, bounced or complained: an unsubscribe sticks, an import does not undo it. */
  leftTheList: ImportRow[];
  /**
   * Resend knows the address as unsubscribed (it left through a broadcast's link, or the
   * dashboard): recorded here as unsubscribed, never added.
   */
  unsubscribedInResend: ImportRow[];
  /** Resend could not be asked about the address: nothing added; importing the file again will. */
  unchecked: (ImportRow & { reason: string })[];
};

/**
 * Adds each row as a confirmed subscriber whose Resend contact is still to be written, with an
 * append-only consent record of what the file said. An address this store or Resend (asked
 * through `resend.findContact`, the site's mailer) knows as unsubscribed stays unsubscribed.
 * Re-running the same file adds nothing.
 */
export async function importSubscribers(
  db: Db,
  rows: ImportRow[],
  {
    fileName,
    resend,
    now = new Date(),
  }: { fileName: string; resend: Pick<Mailer, "findContact">; now?: Date },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    imported: [],
    present: [],
    leftTheList: [],
    unsubscribedInResend: [],
    unchecked: [],
  };
  for (const row of rows) {
    const [known] = await db
      .select({ status: subscribers.status })
      .from(subscribers)
      .where(eq(subscribers.email, row.email));
    if (known) {
      outcome[known.status === "unsubscribed" ? "leftTheList" : "present"].push(row);
      continue;
    }
    // Asked before the transaction, which must never wait on the network.
    let contact: Awaited<ReturnType<Mailer["findContact"]>>;
    try {
      contact = await resend.findContact(row.email);
    } catch (error) {
      outcome.unchecked.push({ ...row, reason: describeError(error) });
      continue;
    }
    if (contact?.unsubscribed) {
      await db
        .insert(subscribers)
        .values({
          email: row.email,
          status: "unsubscribed",
          createdAt: now,
          updatedAt: now,
          leftAt: now,
          leaveReason: "unsubscribed",
          contactSync: "synced",
        })
        .onConflictDoNothing();
      outcome.unsubscribedInResend.push(row);
      continue;
    }
    const inserted = await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, row.email));
      if (existing) return existing.status;
      const added = await tx
        .insert(subscribers)
        .values({
          email: row.email,
          firstName: row.firstName ?? null,
          status: "confirmed",
          createdAt: now,
          updatedAt: now,
          confirmedAt: row.subscribedAt,
          contactSync: "pending",
        })
        .onConflictDoNothing()
        .returning({ email: subscribers.email });
      if (added.length === 0) return "confirmed";
      await tx.insert(consents).values({
        id: randomUUID(),
        email: row.email,
        signedUpAt: row.subscribedAt,
        form: row.source,
        method: "import",
        evidence: `${fileName}, line ${row.line}: subscribed ${row.raw.when} via "${row.raw.where}"`,
        recordedAt: now,
      });
      return "imported";
    });
    if (inserted === "imported") outcome.imported.push(row);
    else if (inserted === "unsubscribed") outcome.leftTheList.push(row);
    else outcome.present.push(row);
  }
  return outcome;
}
