import { type ImageConfigJson, type ImageFilesystem } from '@dhi/image';

/** A secret the secret scanner found in a piece of text: its rule, a redacted form and a stable hash (never the value). */
export interface FoundSecret {
  ruleId: string;
  redacted: string;
  fingerprint: string;
}

export interface ConfigInput {
  config: ImageConfigJson;
  /** The final filesystem (with /etc/passwd captured, see `wantsPermissionContent`); null for a config-only check. */
  fs: ImageFilesystem | null;
  /** The image's lineage is configured as a runtime (minimal) variant: shells and package managers are findings. */
  runtimeVariant: boolean;
  findSecrets: (text: string) => FoundSecret[];
  /** The image's layers in order, to name the layer of a history entry or a file; without them layerDigest is null. */
  layers?: readonly { digest: string }[];
}

/** The config's runtime part (`config` in the image config JSON), empty when absent. */
export function runtimeConfig(input: ConfigInput): NonNullable<ImageConfigJson['config']> {
  return input.config.config ?? {};
}

/** The layer a history entry created (entries marked empty_layer create none), when the layers are known. */
export function historyLayerDigest(input: ConfigInput, index: number): string | null {
  const history = input.config.history ?? [];
  if (!input.layers || history[index]?.empty_layer) return null;
  const layerIndex = history.slice(0, index).filter((entry) => !entry.empty_layer).length;
  return input.layers[layerIndex]?.digest ?? null;
}

/** A URL fit for a title: credentials in its userinfo and the query (tokens live there) are hidden. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@').replace(/\?.*$/, '?***');
}
