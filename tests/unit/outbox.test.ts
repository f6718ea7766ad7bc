// @vitest-environment node
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { outboxMailer } from "@/lib/mail/outbox-transport";

let dir = "";
const email = {
  from: "Site <site@localhost>",
  to: "coach@example.com",
  replyTo: "ada@example.com",
  subject: "Intro call inquiry from Ada",
  html: "<p>Hello</p>",
  text: "Hello",
  idempotencyKey: "inquiry-abc",
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "outbox-"));
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the local outbox", () => {
  it("writes each email as JSON with every field plus an HTML preview, and logs the path", async () => {
    const { id } = await outboxMailer(dir).send(email);
    const files = (await fs.readdir(dir)).sort();
    expect(files).toHaveLength(2);
    const record = JSON.parse(
      await fs.readFile(
        path.join(
          dir,
          files.find((file) => file.endsWith(".json"))!,
        ),
        "utf8",
      ),
    );
    expect(record).toMatchObject({ ...email, id });
    expect(
      await fs.readFile(
        path.join(
          dir,
          files.find((file) => file.endsWith(".html"))!,
        ),
        "utf8",
      ),
    ).toBe(email.html);
    expect(console.info).toHaveBeenCalledWith(expect.stringContaining(".json"));
  });

  it("writes the same idempotency key once", async () => {
    const first = await outboxMailer(dir).send(email);
    const second = await outboxMailer(dir).send({ ...email, text: "changed" });
    expect(second.id).toBe(first.id);
    expect(await fs.readdir(dir)).toHaveLength(2);
  });

  it("keeps confirmed newsletter contacts in contacts.json, one entry per address", async () => {
    const outbox = outboxMailer(dir);
    await outbox.subscribe({
      email: "Grace@example.com",
      properties: { consent_source: "site-band" },
    });
    await outbox.subscribe({
      email: "grace@example.com",
      properties: { consent_source: "newsletter-page" },
    });
    const contacts = JSON.parse(await fs.readFile(path.join(dir, "contacts.json"), "utf8"));
    expect(Object.keys(contacts)).toEqual(["grace@example.com"]);
    expect(contacts["grace@example.com"].properties.consent_source).toBe("newsletter-page");
  });

  it("answers what it knows about a contact, and an import leaves an unsubscribed one so", async () => {
    const outbox = outboxMailer(dir);
    expect(await outbox.findContact("ada@example.com")).toBeUndefined();
    await outbox.subscribe({ email: "ada@example.com", properties: {} });
    expect(await outbox.findContact("Ada@example.com")).toEqual({
      email: "ada@example.com",
      unsubscribed: false,
    });
    const file = path.join(dir, "contacts.json");
    const contacts = JSON.parse(await fs.readFile(file, "utf8"));
    contacts["ada@example.com"].unsubscribed = true;
    await fs.writeFile(file, JSON.stringify(contacts));
    await outbox.subscribe({ email: "ada@example.com", properties: {}, resubscribe: false });
    expect(await outbox.findContact("ada@example.com")).toMatchObject({ unsubscribed: true });
    await outbox.subscribe({ email: "ada@example.com", properties: {} });
    expect(await outbox.findContact("ada@example.com")).toMatchObject({ unsubscribed: false });
    expect(JSON.parse(await fs.readFile(file, "utf8"))["ada@example.com"]).not.toHaveProperty("resubscribe");
  });
});
