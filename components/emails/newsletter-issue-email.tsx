import { Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";

/** Resend replaces this with each recipient's own unsubscribe link when it sends a broadcast. */
export const RESEND_UNSUBSCRIBE_PLACEHOLDER = "{{{RESEND_UNSUBSCRIBE_URL}}}";

const small = { fontSize: "13px", lineHeight: "20px", color: "#5b625f", margin: "0 0 24px" };
const footerLink = { color: "#5b625f", textDecoration: "underline" };

/**
 * A newsletter issue as an email: the same words as its page, a link to read it on the web,
 * and Resend's unsubscribe link (or, in a test copy sent as a single email, a note instead).
 */
export function NewsletterIssueEmail({
  title,
  summary,
  date,
  webUrl,
  practiceName,
  siteUrl,
  testCopy = false,
  children,
}: {
  title: string;
  summary: string;
  /** Already formatted for reading. */
  date: string;
  webUrl: string;
  practiceName: string;
  siteUrl: string;
  testCopy?: boolean;
  children: ReactNode;
}) {
  return (
    <EmailLayout
      preview={summary}
      footerText={
        <>
          You receive this because you subscribed to the {practiceName} newsletter at{" "}
          <Link href={`${siteUrl}/newsletter`} style={footerLink}>
            {new URL(siteUrl).host}
          </Link>
          .{" "}
          {testCopy ? (
            "This is a test copy sent to one address: the unsubscribe link is added when the issue goes to subscribers."
          ) : (
            <>
              <Link href={RESEND_UNSUBSCRIBE_PLACEHOLDER} style={footerLink}>
                Unsubscribe
              </Link>{" "}
              with one click.
            </>
          )}
        </>
      }
    >
      <Text style={small}>
        {practiceName} newsletter · {date} ·{" "}
        <Link href={webUrl} style={footerLink}>
          Read on the web
        </Link>
      </Text>
      <Heading as="h1" style={emailHeading}>
        {title}
      </Heading>
      {children}
      <Text style={emailText}>
        <Link href={webUrl}>Read this issue on the web</Link>
      </Text>
    </EmailLayout>
  );
}
