import { after, connection } from "next/server";
import { analyticsEnv, siteUrl } from "@/lib/config/env";
import { describeDbError } from "@/lib/db/log-error";
import { siteDatabase } from "@/lib/db/site";
import { eventsWritten } from "@/lib/analytics/buffer";
import { MAX_EVENT_BYTES } from "@/lib/analytics/event";
import { ingestEvent } from "@/lib/analytics/ingest";
import { isSitePage } from "./pages";
import { requestClientAddress } from "@/lib/forms/form-services";
import { BodyTooLargeError, readBodyWithin } from "@/lib/server/read-body";

const answer = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });

/**
 * The beacon's events (public/analytics.js, docs/analytics.md): `text/plain` JSON from
 * `navigator.sendBeacon`, at most 2 KB, same origin only. Answers 204 whatever was counted, so
 * nobody learns what the filters drop; 403 for a foreign origin, 413 for a large body, 429 past
 * the rate limit, and 404 with ANALYTICS=off.
 */
export async function POST(request: Request) {
  await connection();
  if (!analyticsEnv().analyticsEnabled) return answer(404);
  let body: string;
  try {
    body = await readBodyWithin(request, MAX_EVENT_BYTES);
  } catch (error) {
    return answer(error instanceof BodyTooLargeError ? 413 : 400);
  }
  // The site's origin, and the host the request reached (Next's request.url does not carry it).
  const host = request.headers.get("host");
  const origins = [new URL(siteUrl()).origin, ...(host ? [`https://${host}`, `http://${host}`] : [])];
  try {
    const outcome = await ingestEvent(
      body,
      {
        origin: request.headers.get("origin"),
        userAgent: request.headers.get("user-agent") ?? "",
        clientAddress: await requestClientAddress(),
      },
      { db: siteDatabase, allowedOrigins: origins, isPage: isSitePage },
    );
    if (outcome === "accepted") after(eventsWritten);
    return answer(outcome === "forbidden" ? 403 : outcome === "limited" ? 429 : 204);
  } catch (error) {
    console.error(`[analytics] event not taken: ${describeDbError(error)}`);
    return answer(204);
  }
}
