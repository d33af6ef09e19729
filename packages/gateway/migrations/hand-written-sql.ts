/**
 * Statements that several hand-written migrations issue alike. A committed migration must keep
 * producing the same SQL: change nothing here; write a new function for a new shape.
 */

/** Makes each ledger table bump its county's ledger version on row writes and every county's on truncate. */
export function ledgerVersionTriggersSql(tables: readonly string[]): string[] {
  return tables.flatMap((t) => [
    `create trigger "${t}_ledger_version" after insert or update or delete on "${t}"
  for each row execute function bump_ledger_version();`,
    `create trigger "${t}_ledger_version_truncate" after truncate on "${t}"
  for each statement execute function bump_every_ledger_version();`,
  ]);
}

/** Drops the ledger-version triggers of each table. */
export function dropLedgerVersionTriggersSql(tables: readonly string[]): string[] {
  return tables.flatMap((t) => [
    `drop trigger if exists "${t}_ledger_version" on "${t}";`,
    `drop trigger if exists "${t}_ledger_version_truncate" on "${t}";`,
  ]);
}

/**
 * Makes a table refuse UPDATE, DELETE and TRUNCATE (superusers included): a function `fn` raising
 * "<table> is <what>: <operation> refused" and the row and statement triggers calling it.
 */
export function refuseChangesSql(table: string, fn: string, what: string): string[] {
  return [
    `create function ${fn}() returns trigger language plpgsql as $$
begin
  raise exception '${table} is ${what}: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`,
    `create trigger ${table}_no_update_delete before update or delete on ${table}
  for each row execute function ${fn}();`,
    `create trigger ${table}_no_truncate before truncate on ${table}
  for each statement execute function ${fn}();`,
  ];
}

/** Drops what `refuseChangesSql` created. */
export function dropRefuseChangesSql(table: string, fn: string): string[] {
  return [
    `drop trigger if exists ${table}_no_truncate on ${table};`,
    `drop trigger if exists ${table}_no_update_delete on ${table};`,
    `drop function if exists ${fn}();`,
  ];
}
