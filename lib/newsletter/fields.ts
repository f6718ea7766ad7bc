// The newsletter form's fields without zod (see lib/inquiry/fields.ts for why).

/** Where a signup came from, kept with the consent. */
export const signupSources = [
  "site-band",
  "newsletter-page",
  "issue-page",
  "content-slot",
  "confirm-page",
] as const;
export type SignupSource = (typeof signupSources)[number];

export const newsletterFields = ["email", "firstName"] as const;
export const newsletterLimits = { firstName: 60 };
export type NewsletterField = (typeof newsletterFields)[number];
