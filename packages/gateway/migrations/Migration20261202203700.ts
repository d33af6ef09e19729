import { Migration } from "@mikro-orm/migrations";

/**
 * The rate limiter's counters need no write-ahead log: every request counts in `rate_limit`, and a
 * logged table makes each count wait for a WAL flush. After a crash PostgreSQL empties an unlogged
 * table, which restarts the current windows: a per-minute limit loses at most that minute's counts.
 */
export class Migration20261202203700 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table rate_limit set unlogged;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table rate_limit set logged;");
  }
}
