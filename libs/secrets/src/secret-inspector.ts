import { type ContentInspector, type InspectEntry, type InspectVerdict } from '@dhi/image';
import { resolveScanOptions, type SecretScanOptions } from './scan-options.js';
import { type SecretMatch } from './secret-match.js';
import { SecretScanner } from './secret-scanner.js';
import { isSourceCodePath } from './source-files.js';
import { looksBinary, SNIFF_BYTES } from './text-sniff.js';

/** What the secret inspector found in one version (one layer's copy) of a file. */
export interface SecretFileResult {
  /** Bytes scanned as text; 0 when the file was skipped. */
  bytes: number;
  skipped?: 'binary' | 'oversize';
  /** The default path policy that limited the rules run on this file (`certificate-store`, …). */
  policy?: string;
  matches: readonly SecretMatch[];
  /** More matches than kept (1000). */
  truncated?: boolean;
}

const NO_MATCHES: readonly SecretMatch[] = Object.freeze([]);

/** Streams one file: sniffs its first bytes for binary content, then feeds the text (one character per byte) to a scanner. */
class SecretFileInspector implements ContentInspector<SecretFileResult> {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private textual: boolean | null = null;
  private bytes = 0;

  constructor(
    private readonly scanner: SecretScanner,
    private readonly policy: string | undefined,
  ) {}

  update(chunk: Buffer): InspectVerdict {
    this.bytes += chunk.length;
    if (this.textual === null) {
      // a NUL anywhere in the sniffed part settles it at once
      if (chunk.subarray(0, SNIFF_BYTES - this.headBytes).includes(0)) return this.decide(false);
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= SNIFF_BYTES) return this.decide(!looksBinary(Buffer.concat(this.head).subarray(0, SNIFF_BYTES)));
      return 'more';
    }
    this.scanner.push(chunk.toString('latin1'));
    return 'more';
  }

  finish(): SecretFileResult {
    if (this.textual === null) this.decide(!looksBinary(Buffer.concat(this.head)));
    if (!this.textual) return { bytes: 0, skipped: 'binary', matches: NO_MATCHES };
    const { matches, truncated } = this.scanner.end();
    return {
      bytes: this.bytes,
      matches: matches.length > 0 ? matches : NO_MATCHES,
      ...(this.policy ? { policy: this.policy } : {}),
      ...(truncated ? { truncated } : {}),
    };
  }

  private decide(textual: boolean): InspectVerdict {
    this.textual = textual;
    if (!textual) return 'done';
    for (const chunk of this.head.splice(0)) this.scanner.push(chunk.toString('latin1'));
    return 'more';
  }
}

/** Stops at the first chunk: the file is over the size cap and is only counted. */
const oversize = (): ContentInspector<SecretFileResult> => ({
  update: () => 'done',
  finish: () => ({ bytes: 0, skipped: 'oversize', matches: NO_MATCHES }),
});

/**
 * The `inspect` hook of readImageFilesystem for secrets: every regular file of every layer, except allowlisted paths
 * (not read at all); files over `maxFileBytes` and binary files are skipped and marked so; under a default path policy
 * only that policy's rules run; in program source the generic rule only takes quoted values.
 */
export function secretInspector(options: SecretScanOptions = {}): InspectEntry<SecretFileResult> {
  const settings = resolveScanOptions(options);
  return (entry, path) => {
    if (settings.isAllowlisted(path)) return undefined;
    if (entry.size > settings.maxFileBytes) return oversize();
    const policy = settings.policyOf(path);
    const scanner = new SecretScanner({ ...settings.textOptions, onlyRules: policy?.onlyRules, sourceCode: isSourceCodePath(path) }, 'latin1');
    return new SecretFileInspector(scanner, policy?.name);
  };
}
