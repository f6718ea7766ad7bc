// @vitest-environment node
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bookingProviderName, prefilledBookingUrl } from "@/lib/booking/booking-link";
import { EnvError, parseServerEnv } from "@/lib/config/env";
import { renderInquiryEmails } from "@/lib/inquiry/receive-inquiry";
import { inquirySchema } from "@/lib/inquiry/validation";
import { bookingStep } from "@/lib/inquiry/submission";
import { thrownMessage } from "./support/thrown-message";

const calPage = "https://cal.com/alex-brandt/intro-call?duration=30";
const person = { name: "Zoë O'Hara & Co #1 + friends", email: "zoe+coaching@example.com" };

describe("BOOKING_URL", () => {
  it("is optional: unset or empty, there is no booking page", () => {
    expect(parseServerEnv({}).bookingUrl).toBeUndefined();
    expect(parseServerEnv({ BOOKING_URL: "  " }).bookingUrl).toBeUndefined();
  });

  it("accepts an absolute https URL, query included", () => {
    expect(parseServerEnv({ BOOKING_URL: calPage }).bookingUrl).toBe(calPage);
    expect(parseServerEnv({ BOOKING_URL: "https://calendly.com/alex-brandt/30min" }).bookingUrl).toBe(
      "https://calendly.com/alex-brandt/30min",
    );
  });

  it("refuses anything else at start-up, naming the variable", () => {
    for (const bad of [
      "http://cal.com/alex-brandt",
      "cal.com/alex-brandt",
      "/book",
      "javascript:alert(1)",
      "https://localhost/book",
    ]) {
      expect(
        thrownMessage(() => parseServerEnv({ BOOKING_URL: bad }), EnvError),
        bad,
      ).toContain("BOOKING_URL");
    }
  });
});

describe("the prefilled booking link", () => {
  it("carries the name and email, encoded, and keeps the page's own query and fragment", () => {
    const href = prefilledBookingUrl(`${calPage}#top`, person);
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe("https://cal.com/alex-brandt/intro-call");
    expect(url.searchParams.get("duration")).toBe("30");
    expect(url.searchParams.get("name")).toBe(person.name);
    expect(url.searchParams.get("email")).toBe(person.email);
    expect(url.hash).toBe("#top");
    // Nothing typed can add a parameter or end the query.
    expect([...url.searchParams.keys()].sort()).toEqual(["duration", "email", "name"]);
    expect(url.search).not.toMatch(/[ #'@]/);
    // A "+" typed is encoded, so the booking page does not read it as a space.
    expect(url.search).toContain("email=zoe%2Bcoaching%40example.com");
  });

  it("replaces a name or email already in the configured URL rather than repeating it", () => {
    const url = new URL(prefilledBookingUrl("https://calendly.com/a/b?name=Someone", person));
    expect(url.searchParams.getAll("name")).toEqual([person.name]);
  });

  it("is offered after an inquiry only when a booking page is configured", () => {
    expect(bookingStep(undefined, person)).toBeUndefined();
    const step = bookingStep(calPage, person);
    expect(step?.label).toMatch(/\S/);
    expect(step?.href).toBe(prefilledBookingUrl(calPage, person));
  });
});

describe("the booking provider's name", () => {
  it("is the service's name for Cal.com and Calendly, the host otherwise", () => {
    expect(bookingProviderName("https://cal.com/alex")).toBe("Cal.com");
    expect(bookingProviderName("https://app.cal.com/alex")).toBe("Cal.com");
    expect(bookingProviderName("https://calendly.com/alex/30min")).toBe("Calendly");
    expect(bookingProviderName("https://www.calendly.com/alex")).toBe("Calendly");
    expect(bookingProviderName("https://www.booking.example/alex")).toBe("booking.example");
    expect(bookingProviderName("https://notcal.com/alex")).toBe("notcal.com");
  });
});

describe("the receipt email", () => {
  const inquiry = inquirySchema.parse({
    name: "Eve Example",
    email: "eve.unverified@example.com",
    message: "I would like to talk about the CTO question.",
  });
  const addresses = { from: "site@example.com", to: "coach@example.com" };

  it("with a booking page, links to it bare: nothing the sender typed is in the link or the email", async () => {
    const { receiptEmail } = await renderInquiryEmails(inquiry, { ...addresses, bookingUrl: calPage });
    const hrefs = [...receiptEmail.html.matchAll(/href="([^"]*)"/g)].map((match) =>
      match[1]!.replaceAll("&amp;", "&"),
    );
    expect(hrefs).toEqual([calPage]);
    expect(receiptEmail.text).toContain(calPage);
    for (const body of [receiptEmail.html, receiptEmail.text]) {
      expect(body).not.toContain("Eve");
      expect(body).not.toContain("unverified");
      expect(body).not.toMatch(/[?&](name|email)=/);
    }
  });

  it("without one, has no link at all, as before", async () => {
    const { receiptEmail } = await renderInquiryEmails(inquiry, addresses);
    expect(receiptEmail.html).not.toMatch(/<a\b/);
    expect(receiptEmail.text).not.toMatch(/https?:\/\//);
  });
});

describe("the privacy page's booking paragraph", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  // The environment is parsed once per process: a fresh module graph for each setting.
  async function render(bookingUrl: string) {
    vi.resetModules();
    vi.stubEnv("BOOKING_URL", bookingUrl);
    const { BookingProvider, IfBookingPage } = await import("@/components/mdx/booking-page");
    return renderToStaticMarkup(
      <IfBookingPage>
        <p>
          Booking through <BookingProvider />.
        </p>
      </IfBookingPage>,
    );
  }

  it("is there, naming the provider, when a booking page is configured", async () => {
    expect(await render("https://calendly.com/alex/30min")).toBe("<p>Booking through Calendly.</p>");
  });

  it("is left out when none is", async () => {
    expect(await render("")).toBe("");
  });
});
