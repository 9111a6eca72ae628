export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export const DEFAULT_PLATFORM: Platform = Object.freeze({ os: 'linux', architecture: 'amd64' });

// arm64 images usually omit the variant that means the same as v8
const normaliseVariant = (platform: Platform): string | undefined =>
  platform.architecture === 'arm64' && platform.variant === 'v8' ? undefined : platform.variant || undefined;

/** True when an image built for `actual` runs on `wanted`; an unspecified wanted variant accepts any. */
export function platformMatches(actual: Platform, wanted: Platform): boolean {
  if (actual.os !== wanted.os || actual.architecture !== wanted.architecture) return false;
  const wantedVariant = normaliseVariant(wanted);
  return wantedVariant === undefined || normaliseVariant(actual) === wantedVariant;
}

/** `linux/arm64/v8` style. */
export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** Only the platform fields, without whatever else the JSON object carried. */
export function pickPlatform(source: { os: string; architecture: string; variant?: string }): Platform {
  return source.variant ? { os: source.os, architecture: source.architecture, variant: source.variant } : { os: source.os, architecture: source.architecture };
}
