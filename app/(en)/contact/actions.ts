"use server";

import { formServices } from "@/lib/forms/form-services";
import { submitForm } from "@/lib/forms/submit-form";
import { inquirySubmission, type InquiryState } from "@/lib/inquiry/submission";

export async function sendInquiry(_previous: InquiryState, form: FormData): Promise<InquiryState> {
  return submitForm(inquirySubmission, form, await formServices());
}
