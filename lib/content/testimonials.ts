import { z } from "zod";
import testimonialsFile from "@/content/testimonials.json";

const text = z.string().trim().min(1);

const testimonialSchema = z
  .object({
    quote: text,
    name: text,
    role: text.optional(),
    company: text.optional(),
  })
  .strict();

export type Testimonial = z.infer<typeof testimonialSchema>;

export class TestimonialsError extends Error {
  override name = "TestimonialsError";
}

/** Checks the list; a bad entry fails the build with its position and field named. */
export function parseTestimonials(data: unknown, file: string): Testimonial[] {
  const result = z.array(testimonialSchema).safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.length ? `entry ${issue.path.join(".")}` : "(file)"}: ${issue.message}`,
  );
  throw new TestimonialsError(`Invalid testimonials in ${file}:\n${problems.join("\n")}`);
}

/** The quotes in content/testimonials.json: only real ones, with the client's permission. */
export function testimonials(): Testimonial[] {
  return parseTestimonials(testimonialsFile, "content/testimonials.json");
}
