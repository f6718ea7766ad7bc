import "server-only";
import { after } from "next/server";
import { headers } from "next/headers";
import { limitsEnv } from "@/lib/config/env";
import { clientAddress } from "@/lib/forms/client-address";
import { configuredLimits } from "@/lib/forms/configured-limits";
import type { FormServices } from "@/lib/forms/submit-form";
import { configuredMailer } from "@/lib/mail/configured-mailer";

/**
 * The client's address group for the request being answered (a Server Action's or a route
 * handler's, such as /api/health): what the rate limits count per.
 */
export async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers(), limitsEnv().trustProxy, limitsEnv().clientAddressKey);
}

/**
 * Who sent the request being answered, for analytics' daily visitor hash (lib/analytics): the
 * address group and the User-Agent, never stored. Undefined outside a request (a test, a command).
 */
export async function requestVisitor(): Promise<{ clientAddress: string; userAgent: string } | undefined> {
  try {
    const requestHeaders = await headers();
    return {
      clientAddress: clientAddress(requestHeaders, limitsEnv().trustProxy, limitsEnv().clientAddressKey),
      userAgent: requestHeaders.get("user-agent") ?? "",
    };
  } catch {
    return undefined;
  }
}

/** The services a form's action runs with on the server: the configured ones. */
export async function formServices(): Promise<FormServices> {
  return {
    mailer: configuredMailer(),
    ...configuredLimits(),
    clientAddress: await requestClientAddress(),
    defer: (work) =>
      after(() =>
        work().catch((error: unknown) => {
          console.error(
            "[forms] work after the answer failed:",
            error instanceof Error ? error.name : "error",
          );
        }),
      ),
  };
}
