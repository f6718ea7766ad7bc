import "server-only";
import { errors, jwtVerify, SignJWT } from "jose";
import { signupSources, type SignupSource } from "@/lib/newsletter/fields";

const ISSUER = "newsletter-confirmation";
export const TOKEN_LIFETIME_DAYS = 7;
export const TOKEN_LIFETIME_SECONDS = TOKEN_LIFETIME_DAYS * 24 * 60 * 60;

const smallNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "seven days": how long a confirmation link works, as the pages say it. */
export function tokenLifetimeInWords(days = TOKEN_LIFETIME_DAYS): string {
  return `${smallNumbers[days] ?? days} day${days === 1 ? "" : "s"}`;
}

export type SignupClaims = {
  email: string;
  firstName?: string;
  source: SignupSource;
};

export type TokenCheck =
  ({ valid: true; expiresAt: Date } & SignupClaims) | { valid: false; reason: "expired" | "invalid" };

const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * A signed, expiring confirmation token (JWT, HS256). The expiry is rounded up to the hour,
 * so the same signup twice within an hour yields the same token, and so the same email.
 */
export async function signSignupToken(
  claims: SignupClaims,
  secret: string,
  now = Date.now(),
): Promise<{ token: string; expiresAt: Date }> {
  const expires = Math.ceil((now / 1000 + TOKEN_LIFETIME_SECONDS) / 3600) * 3600;
  const token = await new SignJWT({
    email: claims.email.toLowerCase(),
    fn: claims.firstName,
    src: claims.source,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setExpirationTime(expires)
    .sign(key(secret));
  return { token, expiresAt: new Date(expires * 1000) };
}

export async function verifySignupToken(
  token: string,
  secret: string,
  now = Date.now(),
): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      requiredClaims: ["exp", "email"],
      currentDate: new Date(now),
    });
    const { email, fn, src } = payload;
    if (typeof email !== "string" || (fn !== undefined && typeof fn !== "string"))
      return { valid: false, reason: "invalid" };
    const source = signupSources.find((candidate) => candidate === src) ?? "site-band";
    return {
      valid: true,
      email,
      firstName: fn,
      source,
      expiresAt: new Date(payload.exp! * 1000),
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { valid: false, reason: "expired" };
    return { valid: false, reason: "invalid" };
  }
}
