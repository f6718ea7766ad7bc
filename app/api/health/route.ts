import { connection, NextResponse } from "next/server";
import { requestClientAddress } from "@/lib/forms/form-services";
import { healthAnswer } from "@/lib/server/health";

/** `{ ok }` for anyone (rate-limited per client address); everything with the CRON_SECRET token. */
export async function GET(request: Request) {
  await connection();
  const answer = await healthAnswer({
    authorization: request.headers.get("authorization"),
    clientAddress: requestClientAddress,
  });
  return NextResponse.json(answer.body, {
    status: answer.status,
    headers: {
      "cache-control": "no-store",
      ...(answer.retryAfterSeconds ? { "retry-after": String(answer.retryAfterSeconds) } : {}),
    },
  });
}
