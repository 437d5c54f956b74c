/**
 * Multi-row reads through one `.get()`. libsql 0.5 leaks about 0.9 KiB of native memory on every `.all()`
 * and `.iterate()` call, whatever the row count (tursodatabase/libsql-js#153; measured here: 1,200 calls
 * leave 1.1 MiB that no garbage collection returns, so a serving process grew ~1.4 MiB per /compare at
 * 100×). `.get()` does not leak, so every query a serving process repeats aggregates its rows into one
 * JSON array in SQL (`json_group_array(… ORDER BY …)`, which also keeps the order) and reads that value.
 */
import type Database from "libsql";

export interface JsonRowsStatement<T> {
  all(...params: unknown[]): T[];
}

/** `sql` selects exactly one column, `rows`: a JSON array (json_group_array of the rows). */
export function prepareJsonRows<T>(db: Database.Database, sql: string): JsonRowsStatement<T> {
  const stmt = db.prepare(sql);
  return {
    all(...params: unknown[]): T[] {
      const row = stmt.get(...params) as { rows: string | null } | undefined;
      return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
    },
  };
}
