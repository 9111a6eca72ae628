/**
 * Advisory lock classes (first key of the two-key form; the second is hashtext(schema)). Advisory locks are
 * per database, so services sharing one database only contend on their own schema's locks.
 */
export const LOCK_CLASS = {
  migrations: 0x44480001,
  outboxRelay: 0x44480002,
} as const;
