/** Codes of authentication and key-management failures. */
export type AuthErrorCode =
  | "AUTH.MISSING_CREDENTIALS"
  | "AUTH.INVALID_CREDENTIALS"
  | "AUTH.REVOKED_KEY"
  | "AUTH.EXPIRED_KEY"
  | "AUTH.INVALID_TOKEN"
  | "API_KEY.INVALID_REGION"
  | "API_KEY.INVALID_PERMISSION"
  | "API_KEY.NOT_FOUND";

/** A typed authentication or key-management failure with a fixed code. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

/** Whether a value is an AuthError. */
export function isAuthError(e: unknown): e is AuthError {
  return e instanceof AuthError;
}
