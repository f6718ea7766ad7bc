"use server";

import { formServices } from "@/lib/forms/form-services";
import { submitForm } from "@/lib/forms/submit-form";
import { confirmSubmission, type ConfirmState } from "@/lib/newsletter/confirm-submission";

export async function confirm(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  return submitForm(confirmSubmission, form, await formServices());
}
