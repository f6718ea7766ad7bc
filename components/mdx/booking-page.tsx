import type { ReactNode } from "react";
import { bookingProviderName } from "@/lib/booking/booking-link";
import { siteEnv } from "@/lib/config/env";

// Static pages read BOOKING_URL when they are built (README: set it for the build too).

/** Its content only when a booking page is configured: the coach's words stay in the MDX. */
export function IfBookingPage({ children }: { children: ReactNode }) {
  return siteEnv().bookingUrl ? <>{children}</> : null;
}

/** Who runs the booking page: Cal.com, Calendly, or its host name. */
export function BookingProvider() {
  const { bookingUrl } = siteEnv();
  return bookingUrl ? <>{bookingProviderName(bookingUrl)}</> : null;
}
