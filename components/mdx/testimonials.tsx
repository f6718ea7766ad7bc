import { TestimonialList } from "@/components/testimonial-list";
import { testimonials } from "@/lib/content/testimonials";

/** The quotes of content/testimonials.json; renders nothing while the file is an empty list. */
export function Testimonials({ heading }: { heading: string }) {
  return <TestimonialList heading={heading} items={testimonials()} />;
}
