"use server";

import { formServices } from "@/lib/forms/form-services";
import { submitForm } from "@/lib/forms/submit-form";
import { signupSubmission, type NewsletterState } from "@/lib/newsletter/signup-submission";

export async function subscribe(_previous: NewsletterState, form: FormData): Promise<NewsletterState> {
  return submitForm(signupSubmission, form, await formServices());
}
