/** The name and address the booking page fills in, so the person does not type them twice. */
export type Invitee = { name: string; email: string };

/**
 * The booking page with `name` and `email` set, the parameters Cal.com and Calendly both read.
 * Through URLSearchParams so any character is encoded and the page's own query (an event
 * length, a UTM tag) is kept.
 */
export function prefilledBookingUrl(bookingUrl: string, invitee: Invitee): string {
  const url = new URL(bookingUrl);
  url.searchParams.set("name", invitee.name);
  url.searchParams.set("email", invitee.email);
  return url.toString();
}

const providers: { domain: string; name: string }[] = [
  { domain: "cal.com", name: "Cal.com" },
  { domain: "calendly.com", name: "Calendly" },
];

/** Who runs the booking page, as the privacy page names them: a known service, else its host. */
export function bookingProviderName(bookingUrl: string): string {
  const host = new URL(bookingUrl).hostname.toLowerCase();
  const known = providers.find(({ domain }) => host === domain || host.endsWith(`.${domain}`));
  return known?.name ?? host.replace(/^www\./, "");
}
