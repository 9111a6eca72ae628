import { z } from 'zod';

export const BuildId = z.uuid();
export const Digest = z.string().regex(/^sha256:[a-f0-9]{64}$/, 'expected sha256:<64 hex>');
export const IsoTime = z.iso.datetime({ offset: true });

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

export const SeverityCounts = z.object({
  critical: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/** Counts of zero for every severity. */
export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** What a service could read of an image without running it (layers, files, size, OS). */
export const ImageInventory = z.object({
  layerCount: z.number().int().nonnegative(),
  fileCount: z.number().int().nonnegative(),
  totalSize: z.number().int().nonnegative(),
  os: z
    .object({ id: z.string(), versionId: z.string().nullable(), prettyName: z.string().nullable() })
    .nullable(),
});
export type ImageInventory = z.infer<typeof ImageInventory>;
