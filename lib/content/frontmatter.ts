import { z } from "zod";

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const internalOrAbsoluteHref = z
  .string()
  .regex(/^(\/|https:\/\/|mailto:)/, "must start with /, https:// or mailto:");

// A link in the main navigation or the footer: its words, and its place among the others.
const menuEntry = z
  .object({ label: z.string().trim().min(1).max(24), order: z.number().int() })
  .strict()
  .optional();

/** What every page in content/ declares in its YAML frontmatter. Unknown keys are typos. */
export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(1).max(70, "must be at most 70 characters (search results cut it)"),
    description: z
      .string()
      .trim()
      .min(50, "must be at least 50 characters")
      .max(170, "must be at most 170 characters (search results cut it)"),
    heading: z.string().trim().min(1).optional(),
    eyebrow: z.string().trim().min(1).max(60).optional(),
    lead: z.string().trim().min(1).optional(),
    layout: z.enum(["page", "home", "legal"]).default("page"),
    nav: menuEntry,
    footer: menuEntry,
    secondaryAction: z
      .object({ label: z.string().trim().min(1), href: internalOrAbsoluteHref })
      .strict()
      .optional(),
    og: z
      .object({
        title: z.string().trim().min(1).max(90).optional(),
        eyebrow: z.string().trim().min(1).max(40).optional(),
      })
      .strict()
      .optional(),
    service: z
      .object({
        name: z.string().trim().min(1),
        serviceType: z.string().trim().min(1),
        audience: z.string().trim().min(1),
      })
      .strict()
      .optional(),
    published: isoDate,
    updated: isoDate.optional(),
    /**
     * The English page this one translates (its file name): required in content/de/, where it
     * pairs the two versions whatever each one's slug. An English page is its own key.
     */
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be the English page's file name")
      .optional(),
    /** This page exists in one language only: no translation is expected, none is linked. */
    singleLanguage: z.boolean().default(false),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/**
 * What a newsletter issue in content/newsletter/ declares. The summary is the archive's teaser,
 * the meta description, the feeds' description and the email's preview line, hence its length.
 */
export const issueFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1).max(70, "must be at most 70 characters (search results cut it)"),
    date: isoDate,
    summary: z
      .string()
      .trim()
      .min(50, "must be at least 50 characters")
      .max(170, "must be at most 170 characters (search results cut it)"),
    /** A draft is neither published on the site nor sendable. */
    draft: z.boolean().default(false),
    /** In content/de/newsletter/: the English issue this one translates (its file name). */
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be the English issue's file name")
      .optional(),
    /**
     * Who gets it by email: the readers of its language (the default), or everyone, in either
     * language, for an issue written once for all.
     */
    sendTo: z.enum(["language", "everyone"]).default("language"),
  })
  .strict();

export type IssueFrontmatter = z.infer<typeof issueFrontmatterSchema>;

export class FrontmatterError extends Error {
  override name = "FrontmatterError";
}

/** Validates parsed YAML; the error names the file and every bad field. */
export function validateFrontmatter(data: unknown, file: string): Frontmatter {
  return validateWith(frontmatterSchema, data, file);
}

export function validateIssueFrontmatter(data: unknown, file: string): IssueFrontmatter {
  return validateWith(issueFrontmatterSchema, data, file);
}

function validateWith<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  file: string,
): z.output<Schema> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".") || "(frontmatter)";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `  - field "${field}" ${message}`;
  });
  throw new FrontmatterError(`Invalid frontmatter in ${file}:\n${problems.join("\n")}`);
}
