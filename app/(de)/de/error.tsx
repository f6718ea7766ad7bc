"use client";

import { ErrorPage } from "@/components/error-page";
import { errorWords } from "@/lib/i18n/dictionaries/de-error";

export default function Error(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage {...props} words={errorWords} home="/de" />;
}
