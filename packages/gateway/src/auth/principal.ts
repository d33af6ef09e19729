/** Permissions a principal can hold. */
export const PERMISSIONS = [
  "ledger:read",
  "personal:read",
  "ledger:write",
  "reports:submit",
  "admin",
] as const;
/** A permission name. */
export type Permission = (typeof PERMISSIONS)[number];

/** Who is calling: an API key or a JWT subject, with a region scope (the code and its subtree) and permissions. */
export interface Principal {
  /** Stable id: `key:<key id>`, `jwt:<issuer>#<subject>`, or for the sync worker the id of whoever asked for the run. */
  readonly id: string;
  readonly kind: "api_key" | "jwt" | "system";
  /** Region code (2–12 digits, short form); the principal sees this region and everything under it. */
  readonly regionCode: string;
  readonly permissions: ReadonlySet<Permission>;
}

/** Whether a principal holds a permission (`admin` holds them all). */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission) || principal.permissions.has("admin");
}

/** Whether a region code lies inside the principal's scope. */
export function isInScope(principal: Principal, regionCode: string): boolean {
  return regionCode.startsWith(principal.regionCode);
}
