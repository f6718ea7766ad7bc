import "server-only";
import { serverEnv } from "@/lib/config/env";
import { configuredMailer } from "@/lib/mail/configured-mailer";
import type { DigestSettings } from "@/lib/inquiry/digest";
import type { DeliveryMailer } from "@/lib/inquiry/mailer";
import type { Mailer } from "@/lib/mail/mailer";
import { parseInquirySettings } from "@/lib/inquiry/settings";
import { siteConfig } from "@/lib/config/site-config";

/**
 * The worker's dependencies from the environment: the site's mailer, the coach's digest
 * address and the retention period. The one place the delivery code meets the mail config.
 */
export function deliveryRuntime(): {
  mailer: DeliveryMailer;
  contacts: Pick<Mailer, "subscribe">;
  digest: DigestSettings;
  retentionDays: number;
} {
  const { mail } = serverEnv();
  return {
    mailer: configuredMailer(),
    contacts: configuredMailer(),
    digest: { from: mail.from, to: mail.to, siteName: siteConfig.name },
    retentionDays: parseInquirySettings(process.env).retentionDays,
  };
}
