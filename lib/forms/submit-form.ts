import { botSignal } from "@/lib/forms/bot-signals";
import { formValues, type FormState } from "@/lib/forms/form-state";
import { waitInWords, type RateLimiter } from "@/lib/forms/rate-limit";
import { flattenError } from "@/lib/forms/zod";
import { MailError, type Mailer } from "@/lib/mail/mailer";

/** What a form's action needs from outside, passed in so that tests can hand in fakes. */
export type FormServices = {
  mailer: Mailer;
  rateLimiter: RateLimiter;
  /** The client's address as our proxy saw it: the rate limit counts per address. */
  clientAddress: string;
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
  botAnswer?: (values: Values<Field>) => string;
  parse(values: Values<Field>, form: FormData): Parsed<Data, Field> | Promise<Parsed<Data, Field>>;
  invalidMessage: string;
  /** The answer when the rate limit refuses; absent for a form that is not rate-limited. */
  rateLimitedMessage?: (wait: string) => string;
  /** Does the work and returns the success message; a MailError means it did not happen. */
  act(data: Data, services: FormServices): Promise<string>;
  failedMessage: string;
};

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
 * What the person typed comes back with every failure, so nothing is lost.
 */
export async function submitForm<Field extends string, Data>(
  submission: FormSubmission<Field, Data>,
  form: FormData,
  services: FormServices,
): Promise<FormState<Field>> {
  const values = formValues(form, submission.fields);
  const answeredAt = Date.now();
  const failure = (status: "invalid" | "error", message: string): FormState<Field> => ({
    status,
    message,
    values,
    answeredAt,
  });

  const signal = submission.botAnswer && botSignal(form);
  if (signal) {
    console.info(`[${submission.name}] dropped a submission (${signal})`);
    return { status: "success", message: submission.botAnswer!(values), answeredAt };
  }

  const parsed = await submission.parse(values, form);
  if (!parsed.success) {
    return {
      ...failure("invalid", parsed.message ?? submission.invalidMessage),
      fieldErrors: parsed.fieldErrors,
    };
  }

  if (submission.rateLimitedMessage) {
    const limit = await services.rateLimiter.consume(`${submission.name}:${services.clientAddress}`);
    if (!limit.allowed) {
      return failure("error", submission.rateLimitedMessage(waitInWords(limit.retryAfterSeconds)));
    }
  }

  try {
    return { status: "success", message: await submission.act(parsed.data, services), answeredAt };
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    console.error(`[${submission.name}] failed`, error.message);
    return failure("error", submission.failedMessage);
  }
}
