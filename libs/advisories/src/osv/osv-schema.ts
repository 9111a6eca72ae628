import { z } from 'zod';

// OSV schema 1.x as found in the wild: optional arrays are sometimes null, unknown fields are ignored.
const strings = z.array(z.string()).nullish();
const record = z.record(z.string(), z.unknown()).nullish();
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an RFC 3339 time');

const event = z.object({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

const range = z.object({
  type: z.string(),
  repo: z.string().optional(),
  events: z.array(event).min(1),
});

const severity = z.object({ type: z.string(), score: z.string() });

const affected = z.object({
  package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }).optional(),
  ranges: z.array(range).nullish(),
  versions: strings,
  severity: z.array(severity).nullish(),
  ecosystem_specific: record,
  database_specific: record,
});

export const osvRecordSchema = z.object({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: timestamp,
  published: timestamp.nullish(),
  withdrawn: timestamp.nullish(),
  aliases: strings,
  related: strings,
  summary: z.string().nullish(),
  details: z.string().nullish(),
  severity: z.array(severity).nullish(),
  affected: z.array(affected).nullish(),
  references: z.array(z.object({ type: z.string(), url: z.string() })).nullish(),
  database_specific: record,
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof affected>;
export type OsvRange = z.infer<typeof range>;
