import Link from "next/link";
import type { ComponentProps } from "react";

/** Internal links go through next/link (prefetch, client navigation); others open as usual. */
export function MdxLink({ href = "", ...props }: ComponentProps<"a">) {
  if (href.startsWith("/") || href.startsWith("#")) {
    return <Link href={href} {...props} />;
  }
  const external = /^https?:\/\//.test(href);
  return <a href={href} {...(external ? { rel: "noopener noreferrer" } : {})} {...props} />;
}
