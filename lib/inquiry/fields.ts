// The inquiry form's fields and limits without zod, so the form can render (and the page can
// hydrate) before the schema is needed; `schema.ts` builds the rules from these.

export const inquiryRoles = ["VP Engineering", "CTO", "Head/Director of Engineering", "Other"] as const;
export type InquiryRole = (typeof inquiryRoles)[number];

export const inquiryLimits = { name: 100, company: 120, message: 4000, messageMin: 20 };

export const inquiryFields = ["name", "email", "company", "role", "message"] as const;
export type InquiryField = (typeof inquiryFields)[number];
