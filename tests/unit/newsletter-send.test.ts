// @vitest-environment node
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { publishedIssues, readIssueSource } from "@/lib/content/loader";
import type { Broadcaster } from "@/lib/mail/mailer";
import { outboxBroadcaster, outboxMailer } from "@/lib/mail/outbox-transport";
import { resendBroadcaster, resendMailer } from "@/lib/mail/resend-transport";
import { renderIssueEmail } from "@/lib/newsletter/issue-email";
import {
  broadcastName,
  draftIssueBroadcast,
  sendableIssue,
  SendRefusedError,
  sendIssueBroadcast,
  sendTestCopy,
} from "@/lib/newsletter/send-issue";
import { findSend } from "@/lib/newsletter/send-store";
// @ts-expect-error: a plain .mjs test fixture without type declarations
import { createFakeResend } from "../fixtures/fake-resend-server.mjs";
import { backends, createTestDatabase, type TestDatabase } from "./support/test-database";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

type RecordedBroadcast = {
  id: string;
  name: string;
  segment_id: string;
  status: string;
  html: string;
  subject: string;
};
type Fake = {
  listen(port: number): Promise<{ port: number }>;
  close(): Promise<void>;
  reset(): void;
  state: {
    broadcasts: RecordedBroadcast[];
    emails: { to: string[]; subject: string; html: string; text: string }[];
    requests: { method: string; path: string }[];
    failures: unknown[];
  };
};

const fixtures = { dir: "tests/fixtures/newsletter-issues" };
const siteUrl = "https://coaching.example";
const segmentId = "seg_newsletter_unit";
const from = "Alex Brandt Coaching <newsletter@mail.example.com>";
const issue = sendableIssue("first-issue", fixtures);
const email = () => renderIssueEmail(issue, readIssueSource(issue), { siteUrl });

const fake: Fake = createFakeResend();
let baseUrl = "";
const quick = { retries: 1, minTimeout: 5, maxTimeout: 10, maxRetryTime: 2000, callTimeoutMs: 500 };
const broadcaster = () => resendBroadcaster({ apiKey: "re_unit", segmentId, baseUrl, retry: quick });
const sendCalls = () =>
  fake.state.requests.filter((request) => /^\/broadcasts\/[^/]+\/send$/.test(request.path));

beforeAll(async () => {
  const address = await fake.listen(0);
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => fake.close());

describe("which issues can be sent", () => {
  it("a published issue, not a draft nor an unknown slug", () => {
    expect(sendableIssue("second-issue", fixtures).slug).toBe("second-issue");
    expect(() => sendableIssue("unfinished-draft", fixtures)).toThrow(/draft/);
    expect(() => sendableIssue("no-such-issue", fixtures)).toThrow(SendRefusedError);
  });
});

describe.each(backends)("sending an issue through Resend, store on %s", (backend) => {
  let database: TestDatabase;
  let db: Db;
  const services = (transport: Broadcaster = broadcaster()) => ({
    db,
    broadcaster: transport,
    from,
    segmentId,
  });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = database.connect().db;
  }, 120_000);
  afterAll(() => database?.close(), 60_000);
  beforeEach(async () => {
    fake.reset();
    await database.connect().pool.query("truncate newsletter_sends");
  });

  it("creates a draft broadcast named after the issue for the segment, and sends nothing", async () => {
    const { broadcastId, action } = await draftIssueBroadcast(services(), issue, await email());
    expect(action).toBe("created");
    expect(fake.state.broadcasts).toHaveLength(1);
    expect(fake.state.broadcasts[0]).toMatchObject({
      id: broadcastId,
      name: broadcastName(issue.slug),
      segment_id: segmentId,
      status: "draft",
      subject: issue.title,
    });
    expect(fake.state.broadcasts[0]!.html).toContain("{{{RESEND_UNSUBSCRIBE_URL}}}");
    expect(sendCalls()).toEqual([]);
    expect(await findSend(db, { slug: issue.slug, audience: "en" })).toMatchObject({
      status: "draft",
      broadcastId,
      segmentId,
    });
  });

  it("reuses the draft it finds by name, from this machine or another", async () => {
    const first = await draftIssueBroadcast(services(), issue, await email());
    await database.connect().pool.query("truncate newsletter_sends");
    const again = await draftIssueBroadcast(services(), issue, await email());
    expect(again).toEqual({ broadcastId: first.broadcastId, action: "updated" });
    expect(fake.state.broadcasts).toHaveLength(1);
  });

  it("sends the draft once; a second send is refused without asking Resend to send", async () => {
    await draftIssueBroadcast(services(), issue, await email());
    await sendIssueBroadcast(services(), issue);
    expect(fake.state.broadcasts[0]!.status).toBe("sent");
    expect(await findSend(db, { slug: issue.slug, audience: "en" })).toMatchObject({
      status: "sent",
      sentAt: expect.any(Date),
    });

    await expect(draftIssueBroadcast(services(), issue, await email())).rejects.toThrow(/already sent/);
    await expect(sendIssueBroadcast(services(), issue)).rejects.toThrow(SendRefusedError);
    expect(sendCalls()).toHaveLength(1);
    expect(fake.state.broadcasts).toHaveLength(1);
  });

  it("refuses when Resend already has the issue's broadcast sent, and records that", async () => {
    fake.state.broadcasts.push({
      id: "sent-from-elsewhere",
      name: broadcastName(issue.slug),
      segment_id: segmentId,
      status: "sent",
      html: "",
      subject: issue.title,
    });
    await expect(draftIssueBroadcast(services(), issue, await email())).rejects.toThrow(SendRefusedError);
    expect(fake.state.broadcasts).toHaveLength(1);
    expect(sendCalls()).toEqual([]);
    expect(await findSend(db, { slug: issue.slug, audience: "en" })).toMatchObject({
      status: "sent",
      broadcastId: "sent-from-elsewhere",
    });
  });

  it("counts a send whose answer never came as sent, and never repeats it", async () => {
    await draftIssueBroadcast(services(), issue, await email());
    fake.state.failures.push({ path: "/broadcasts/", method: "POST", hang: true, times: 1 });
    await expect(sendIssueBroadcast(services(), issue)).rejects.toThrow(/no clear answer/);
    expect(await findSend(db, { slug: issue.slug, audience: "en" })).toMatchObject({ status: "sending" });

    await expect(sendIssueBroadcast(services(), issue)).rejects.toThrow(/counts as sent/);
    await expect(draftIssueBroadcast(services(), issue, await email())).rejects.toThrow(SendRefusedError);
    expect(sendCalls()).toHaveLength(1);
  });

  it("puts the draft back when Resend refuses the send outright", async () => {
    await draftIssueBroadcast(services(), issue, await email());
    fake.state.failures.push({ path: "/broadcasts/", method: "POST", status: 422, times: 1 });
    await expect(sendIssueBroadcast(services(), issue)).rejects.toThrow(/422/);
    expect(await findSend(db, { slug: issue.slug, audience: "en" })).toMatchObject({ status: "draft" });
    await sendIssueBroadcast(services(), issue);
    expect(fake.state.broadcasts[0]!.status).toBe("sent");
  });

  it("without Resend, keeps the broadcast in the outbox, and still sends it once", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "outbox-broadcasts-"));
    try {
      const outbox = outboxBroadcaster(dir, segmentId);
      const { broadcastId } = await draftIssueBroadcast(services(outbox), issue, await email());
      const stored = JSON.parse(
        await fs.readFile(path.join(dir, "broadcasts", `${broadcastId}.json`), "utf8"),
      ) as Record<string, string>;
      expect(stored).toMatchObject({ name: broadcastName(issue.slug), status: "draft", segmentId });
      expect(stored.html).toContain("{{{RESEND_UNSUBSCRIBE_URL}}}");
      expect(stored.text).toContain("An opening paragraph");
      await expect(fs.access(path.join(dir, "broadcasts", `${broadcastId}.html`))).resolves.toBeUndefined();

      await sendIssueBroadcast(services(outbox), issue);
      expect(await outbox.findBroadcast(broadcastName(issue.slug))).toMatchObject({ status: "sent" });
      await expect(sendIssueBroadcast(services(outbox), issue)).rejects.toThrow(/already sent/);
      expect(fake.state.requests).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a test copy", () => {
  beforeEach(() => fake.reset());

  it("goes to one address as a normal email, with a note instead of the unsubscribe placeholder", async () => {
    const mailer = resendMailer({ apiKey: "re_unit", segmentId, baseUrl, retry: quick });
    const testEmail = await renderIssueEmail(issue, readIssueSource(issue), { siteUrl, testCopy: true });
    await sendTestCopy(mailer, { issue, email: testEmail, from, to: "coach@example.com" });
    expect(fake.state.emails).toHaveLength(1);
    expect(fake.state.emails[0]!.to).toEqual(["coach@example.com"]);
    expect(fake.state.emails[0]!.html).not.toContain("RESEND_UNSUBSCRIBE_URL");
    expect(fake.state.emails[0]!.text).toMatch(/test copy/i);
    expect(fake.state.broadcasts).toEqual([]);
  });

  it("can be sent again after an edit (each copy is its own email)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "outbox-test-copy-"));
    try {
      const mailer = outboxMailer(dir);
      const testEmail = await renderIssueEmail(issue, readIssueSource(issue), { siteUrl, testCopy: true });
      const first = await sendTestCopy(mailer, { issue, email: testEmail, from, to: "coach@example.com" });
      const second = await sendTestCopy(mailer, { issue, email: testEmail, from, to: "coach@example.com" });
      expect(first.id).not.toBe(second.id);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

it("every published issue in content/newsletter can be drafted", () => {
  for (const each of publishedIssues()) expect(sendableIssue(each.slug).slug).toBe(each.slug);
});
