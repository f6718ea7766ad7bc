// @vitest-environment node
// The webhook reads at most 64 KB before it checks the signature: a larger body is refused with
// 413 as it arrives, never buffered whole.
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/resend/route";

const secret = `whsec_${Buffer.from("unit-webhook-secret-0123456789abcdef").toString("base64")}`;
const url = "http://127.0.0.1/api/webhooks/resend";

beforeAll(() => {
  vi.stubEnv("RESEND_WEBHOOK_SECRET", secret);
  vi.stubEnv("RESEND_API_KEY", "");
  // Never reached by these tests' events; the pool connects on a first query only.
  vi.stubEnv("DATABASE_URL", "postgres://nobody:nothing@127.0.0.1:9/none");
});

/** A body that arrives in 16 KB chunks, counting how many were pulled. */
function streamed(totalBytes: number) {
  const chunk = new Uint8Array(16 * 1024).fill(0x61);
  let sent = 0;
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      counter.pulled += 1;
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, counter };
}

describe("POST /api/webhooks/resend", () => {
  it("refuses a body that declares more than 64 KB, before reading it", async () => {
    const { body, counter } = streamed(10 * 1024 * 1024);
    const response = await POST(
      new Request(url, {
        method: "POST",
        body,
        headers: { "content-length": String(10 * 1024 * 1024) },
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without a length once it passes 64 KB", async () => {
    const { body, counter } = streamed(10 * 1024 * 1024);
    const response = await POST(new Request(url, { method: "POST", body, duplex: "half" } as RequestInit));
    expect(response.status).toBe(413);
    // 64 KB is four 16 KB chunks: the fifth is the one over; the stream may have one more queued.
    expect(counter.pulled).toBeLessThanOrEqual(7);
  });

  it("reads a body within the limit and checks its signature", async () => {
    const payload = JSON.stringify({
      type: "email.sent",
      created_at: new Date().toISOString(),
      data: { padding: "x".repeat(60 * 1024) },
    });
    const id = "msg_unit_1";
    const timestamp = new Date();
    const signature = new Webhook(secret).sign(id, timestamp, payload);
    const headers = {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": signature,
    };
    const signed = await POST(new Request(url, { method: "POST", body: payload, headers }));
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ received: "email.sent", recorded: 0 });

    const forged = await POST(
      new Request(url, { method: "POST", body: payload.replace("email.sent", "email.opened"), headers }),
    );
    expect(forged.status).toBe(401);
  });
});
