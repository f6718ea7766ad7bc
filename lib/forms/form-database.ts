import "server-only";
import { describeDbError } from "@/lib/db/log-error";
import { siteDatabase } from "@/lib/db/site";
import { ServiceUnavailableError } from "@/lib/forms/submit-form";

/** The site's database for a form's action: unreachable, it is our failure, not the person's. */
export async function formDatabase() {
  try {
    return await siteDatabase();
  } catch (error) {
    throw new ServiceUnavailableError(`the store is not available (${describeDbError(error)})`);
  }
}
