import type { MDXComponents } from "mdx/types";
import { mdxComponents } from "@/components/mdx/mdx-components";

// @next/mdx needs this file; a German page passes mdxComponents("de") to its content instead.
export function useMDXComponents(): MDXComponents {
  return mdxComponents("en");
}
