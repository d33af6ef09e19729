import { reactive } from "vue";
import type { ViewerQuery as ViewerData } from "../gql/graphql";
import { request } from "./client";
import { ViewerQuery } from "./operations";
import { clearCredential, readCredential, saveCredential } from "./session";

/** Who is signed in: null before sign-in. */
export type Viewer = ViewerData["viewer"];

/** The signed-in principal, shared by every page. */
export const session = reactive<{ viewer: Viewer | null }>({ viewer: null });

/** Whether the signed-in principal holds a permission (admin holds all). */
export function can(permission: string): boolean {
  return session.viewer?.permissions.includes(permission) ?? false;
}

/** Signs in: asks the gateway who the credential is, keeps it for this tab only when accepted. */
export async function signIn(credential: string): Promise<Viewer> {
  const data = await request(ViewerQuery, {}, credential.trim());
  saveCredential(credential.trim());
  session.viewer = data.viewer;
  return data.viewer;
}

/** Restores the session of this tab, if its credential is still accepted. */
export async function restoreSession(): Promise<Viewer | null> {
  if (session.viewer) return session.viewer;
  if (!readCredential()) return null;
  try {
    session.viewer = (await request(ViewerQuery, {})).viewer;
  } catch {
    clearCredential();
  }
  return session.viewer;
}

/** Signs out of this tab. */
export function signOut(): void {
  clearCredential();
  session.viewer = null;
}
