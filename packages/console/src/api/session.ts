/** The credential of this browser tab: kept in sessionStorage only, gone when the tab closes. */
const KEY = "fupin.credential";

/** The API key or JWT signed in with, or null. */
export function readCredential(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Keeps the credential for this browser session. */
export function saveCredential(value: string): void {
  sessionStorage.setItem(KEY, value);
}

/** Forgets the credential (sign out, or refused by the server). */
export function clearCredential(): void {
  sessionStorage.removeItem(KEY);
}
