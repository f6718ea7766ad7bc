import { issueFeed } from "@/lib/content/feeds";
import { publishedIssues } from "@/lib/content/loader";
import { siteUrl } from "@/lib/config/env";

export const dynamic = "force-static";

export function GET() {
  return new Response(issueFeed(publishedIssues(), siteUrl()).atom1(), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
