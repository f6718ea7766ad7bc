import { Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import { localPath, type Language } from "@/lib/i18n/languages";

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
  language,
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
  language: Language;
  children: ReactNode;
}) {
  const words = dictionary(language).emails.issue;
  return (
    <EmailLayout
      language={language}
      preview={summary}
      footerText={
        <>
          {fill(words.subscribedAt, { practice: practiceName })}{" "}
          <Link href={`${siteUrl}${localPath(language, "/newsletter")}`} style={footerLink}>
            {new URL(siteUrl).host}
          </Link>
          .{" "}
          {testCopy ? (
            words.testCopy
          ) : (
            <>
              <Link href={RESEND_UNSUBSCRIBE_PLACEHOLDER} style={footerLink}>
                {words.unsubscribe}
              </Link>{" "}
              {words.unsubscribeAfter}
            </>
          )}
        </>
      }
    >
      <Text style={small}>
        {fill(words.masthead, { practice: practiceName })} · {date} ·{" "}
        <Link href={webUrl} style={footerLink}>
          {words.readOnWebShort}
        </Link>
      </Text>
      <Heading as="h1" style={emailHeading}>
        {title}
      </Heading>
      {children}
      <Text style={emailText}>
        <Link href={webUrl}>{words.readOnWeb}</Link>
      </Text>
    </EmailLayout>
  );
}
