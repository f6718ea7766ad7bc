import { botSignal, type BotSignal } from "@/lib/forms/bot-signals";
import type { EmailCaps } from "@/lib/forms/email-caps";
import { formValues, type Answer, type FormState } from "@/lib/forms/form-state";
import type { RateLimiter } from "@/lib/forms/rate-limit";
import { waitInWords } from "@/lib/i18n/dictionary";
import { languageOf, type Language } from "@/lib/i18n/languages";
import { flattenError } from "@/lib/forms/zod";
import { describeDbError, isDatabaseError } from "@/lib/db/log-error";
import { MailError, type Mailer } from "@/lib/mail/mailer";

/** What a form's action needs from outside, passed in so that tests can hand in fakes. */
export type FormServices = {
  mailer: Mailer;
  rateLimiter: RateLimiter;
  emailCaps: EmailCaps;
  /** The client's address group as our trusted proxy saw it: the rate limit counts per group. */
  clientAddress: string;
  /**
   * Work to run once the answer has gone (Next's `after()`): what must not slow the answer
   * down, or make its timing differ between people. Failures are logged, never answered.
   */
  defer: (work: () => Promise<void>) => void;
};

export type Values<Field extends string> = Partial<Record<Field, string>>;

export type Parsed<Data, Field extends string> =
  | { success: true; data: Data }
  | { success: false; fieldErrors?: Partial<Record<Field, string[]>>; message?: string };

/** One form's rules and answers; `submitForm` runs them in the same order for every form. */
export type FormSubmission<Field extends string, Data> = {
  /** Names the form in logs and in the rate limit's key. */
  name: string;
  fields: readonly Field[];
  /**
   * The answer to a bot: it reads like a person's success, so the bot learns nothing. Absent
   * for a form without a honeypot, which gets no bot check.
   */
  botAnswer?: (values: Values<Field>, language: Language) => Answer;
  /**
   * Keep a submission caught only by the fill-time check (it may be a person using autofill):
   * it goes through parse, rate limit and act with `suspected` set, instead of being dropped.
   * A filled honeypot is dropped whatever this says.
   */
  keepsTooFast?: boolean;
  parse(
    values: Values<Field>,
    form: FormData,
    language: Language,
  ): Parsed<Data, Field> | Promise<Parsed<Data, Field>>;
  invalidMessage: (language: Language) => string;
  /** The answer when the rate limit refuses; absent for a form that is not rate-limited. */
  rateLimitedMessage?: (wait: string, language: Language) => string;
  /**
   * Count the attempt before `parse`, not after: for a form whose parse reads the database
   * (the confirmation link), so the limit bounds that work too. An invalid attempt then counts.
   */
  rateLimitBeforeParse?: boolean;
  /**
   * Does the work and returns the success message (and any next step); a MailError or
   * ServiceUnavailableError means it did not happen (the attempt is then not counted against
   * the rate limit).
   */
  act(
    data: Data,
    services: FormServices,
    context: { suspected?: BotSignal; language: Language },
  ): Promise<Answer>;
  failedMessage: (language: Language) => string;
};

/** A service the action needs (the database, say) is not there: an expected failure, like a MailError. */
export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
}

/** A zod result as `parse` returns it: the first error of each field, for the form to show. */
export function fromSchema<Data, Field extends string>(
  result: { success: true; data: Data } | { success: false; error: Parameters<typeof flattenError>[0] },
): Parsed<Data, Field> {
  if (result.success) return { success: true, data: result.data };
  const { fieldErrors } = flattenError(result.error);
  return { success: false, fieldErrors: fieldErrors as Partial<Record<Field, string[]>> };
}

/**
 * The one path of every form's Server Action: bot check, parse, rate limit, act, and expected
 * failures mapped to form state (returned, not thrown, so the form can show them without JS).
 * What the person typed comes back with every failure, so nothing is lost. Every answer is in
 * the language of the page the form was on (its hidden `lang` field).
 */
export async function submitForm<Field extends string, Data>(
  submission: FormSubmission<Field, Data>,
  form: FormData,
  services: FormServices,
): Promise<FormState<Field>> {
  const values = formValues(form, submission.fields);
  const language = languageOf(form.get("lang"));
  const answeredAt = Date.now();
  const success = (answer: Answer): FormState<Field> => ({
    status: "success",
    ...(typeof answer === "string" ? { message: answer } : answer),
    answeredAt,
  });
  const failure = (status: "invalid" | "error", message: string): FormState<Field> => ({
    status,
    message,
    values,
    answeredAt,
  });

  const signal = submission.botAnswer && botSignal(form);
  const suspected = signal === "too-fast" && submission.keepsTooFast ? signal : undefined;
  if (signal && !suspected) {
    console.info(`[${submission.name}] dropped a submission (${signal})`);
    return success(submission.botAnswer!(values, language));
  }

  const limitKey = `${submission.name}:${services.clientAddress}`;
  let counted = false;
  const limited = async () => {
    if (!submission.rateLimitedMessage) return undefined;
    const limit = await services.rateLimiter.consume(limitKey);
    counted = true;
    return limit.allowed
      ? undefined
      : failure(
          "error",
          submission.rateLimitedMessage(waitInWords(limit.retryAfterSeconds, language), language),
        );
  };

  try {
    if (submission.rateLimitBeforeParse) {
      const refused = await limited();
      if (refused) return refused;
    }
    const parsed = await submission.parse(values, form, language);
    if (!parsed.success) {
      return {
        ...failure("invalid", parsed.message ?? submission.invalidMessage(language)),
        fieldErrors: parsed.fieldErrors,
      };
    }
    if (!submission.rateLimitBeforeParse) {
      const refused = await limited();
      if (refused) return refused;
    }
    return success(await submission.act(parsed.data, services, { suspected, language }));
  } catch (error) {
    // A query that failed is our failure like the others; its message carries the query's
    // parameters (what the person typed), so only its class and codes reach the log.
    const database = isDatabaseError(error);
    if (!(error instanceof MailError || error instanceof ServiceUnavailableError || database)) throw error;
    const { name, message } = error as Error;
    console.error(
      `[${submission.name}] failed: ${database ? describeDbError(error) : `${name}: ${message}`}`,
    );
    // Our failure, not the person's: the attempt does not use up one of their tries.
    if (counted) await services.rateLimiter.refund(limitKey).catch(() => undefined);
    return failure("error", submission.failedMessage(language));
  }
}
