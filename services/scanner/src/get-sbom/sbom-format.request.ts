import { z } from 'zod';

/** `?format=` of an SBOM request: CycloneDX unless SPDX is asked for; anything else is a 400 problem. */
export const SbomFormatQuery = z.enum(['cyclonedx', 'spdx']).default('cyclonedx');
export type SbomFormat = z.output<typeof SbomFormatQuery>;
