// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Testimonials } from "@/components/mdx/testimonials";
import { TestimonialList } from "@/components/testimonial-list";
import {
  parseTestimonials,
  testimonials,
  TestimonialsError,
  type Testimonial,
} from "@/lib/content/testimonials";
import { thrownMessage } from "./support/thrown-message";

afterEach(cleanup);

const fixture: Testimonial[] = [
  {
    quote: "A fixture quote about the CTO question.",
    name: "Fixture Person",
    role: "VP Engineering",
    company: "Example GmbH",
  },
  { quote: "A second fixture quote.", name: "Another Fixture" },
];

describe("testimonials", () => {
  it("render nothing, not even their heading, while there are none", () => {
    const { container } = render(<TestimonialList heading="What clients say" items={[]} />);
    expect(container.innerHTML).toBe("");
  });

  it("show each quote with who said it, under the heading", () => {
    render(<TestimonialList heading="What clients say" items={fixture} />);
    const region = screen.getByRole("region", { name: "What clients say" });
    const figures = within(region).getAllByRole("figure");
    expect(figures).toHaveLength(fixture.length);
    fixture.forEach((item, index) => {
      const figure = figures[index]!;
      expect(within(figure).getByRole("blockquote").textContent).toContain(item.quote);
      for (const detail of [item.name, item.role, item.company]) {
        if (detail) expect(figure.textContent).toContain(detail);
      }
    });
  });

  it("come from content/testimonials.json, which is valid and renders only when it has entries", () => {
    const { container } = render(<Testimonials heading="What clients say" />);
    expect(container.childElementCount).toBe(testimonials().length === 0 ? 0 : 1);
  });

  it("refuse an entry without a quote or a name, naming it", () => {
    const message = thrownMessage(
      () => parseTestimonials([{ quote: "Fine.", name: "A" }, { quote: " " }], "content/testimonials.json"),
      TestimonialsError,
    );
    expect(message).toContain("content/testimonials.json");
    expect(message).toMatch(/entry 1\.quote/);
    expect(message).toMatch(/entry 1\.name/);
  });
});
