import { openStore } from "@/lib/db/open-store";
import type { InquiryRow } from "@/lib/db/schema";
import { forceRetry, releaseHeld } from "@/lib/inquiry/admin";
import { deliverInquiry } from "@/lib/inquiry/delivery";
import { findInquiry, listRecentInquiries } from "@/lib/inquiry/store";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import { timing } from "@/lib/mail/timing";
import { formatFields, formatTable, guardMail, runScript, wantsHelp } from "./run";

const help = `Usage: npm run inquiries [-- <command>]

  (none)          list the 50 most recent inquiries with their status
  show <id>       print one inquiry in full
  retry <id>      send an undelivered or failed inquiry now
  release <id>    send a held inquiry (one the bot check held back) now

<id> may be the first 8 characters shown in the list. Statuses: received (not sent yet),
delivered, retrying (the mail service failed; it will try again), failed (gave up after 23
hours: retry it), held. Works while the site runs and without it.

Environment: DATABASE_URL, DATA_DIR, and the site's mail settings for retry and release (which
refuse to send into the outbox when this shell lacks RESEND_API_KEY and the site has it).`;

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "-");

function list(rows: InquiryRow[]): string {
  if (rows.length === 0) return "No inquiries yet.";
  return formatTable(
    ["id", "received", "status", "from", "company"],
    rows.map((row) => [
      row.id.slice(0, 8),
      when(row.createdAt),
      row.status,
      `${row.payload.name} <${row.payload.email}>`,
      row.payload.company ?? "",
    ]),
  );
}

function show(row: InquiryRow): string {
  const { payload } = row;
  return [
    formatFields([
      ["id", row.id],
      ["status", row.status + (row.heldReason ? ` (${row.heldReason})` : "")],
      ["received", when(row.createdAt)],
      ["from", `${payload.name} <${payload.email}>`],
      ["company", payload.company ?? "-"],
      ["role", payload.role ?? "-"],
      ["attempts", String(row.attempts)],
      ["next attempt", when(row.nextAttemptAt)],
      ["delivered", when(row.deliveredAt)],
      ["last error", row.lastError ?? "-"],
      ["receipt", row.receiptStatus ?? "not queued"],
    ]),
    "",
    payload.message,
  ].join("\n");
}

async function main(): Promise<number> {
  const [command, id, ...rest] = process.argv.slice(2);
  if (wantsHelp(process.argv.slice(2)) || rest.length > 0 || (command && command !== "list" && !id)) {
    console.log(help);
    return wantsHelp(process.argv.slice(2)) ? 0 : 2;
  }
  const store = await openStore();
  try {
    if (!command || command === "list") {
      console.log(list(await listRecentInquiries(store.db)));
      return 0;
    }
    const row = await findInquiry(store.db, id!);
    if (!row) {
      console.error(`No inquiry with id ${id}.`);
      return 1;
    }
    if (command === "show") {
      console.log(show(row));
      return 0;
    }
    if (command !== "retry" && command !== "release") {
      console.log(help);
      return 2;
    }
    await guardMail(store);
    const due =
      command === "release" ? await releaseHeld(store.db, row.id) : await forceRetry(store.db, row.id);
    if (!due) {
      console.error(
        command === "release"
          ? `Inquiry ${row.id.slice(0, 8)} is ${row.status}, not held: nothing to release.`
          : `Inquiry ${row.id.slice(0, 8)} is ${row.status}${row.status === "held" ? ": release it instead" : " or being sent right now"}.`,
      );
      return 1;
    }
    const outcome = await deliverInquiry(store.db, configuredMailer(), row.id, {
      deadlineMs: timing.commandSendMs,
    });
    console.log(
      formatFields([
        ["inquiry", row.id],
        ["status", outcome.status],
        ["receipt", outcome.receiptSent ? "sent" : "queued"],
      ]),
    );
    return outcome.status === "delivered" ? 0 : 1;
  } finally {
    await store.close();
  }
}

runScript(main);
