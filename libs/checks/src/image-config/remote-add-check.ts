import { type CheckHit } from '../check-hit.js';
import { type ConfigInput, displayUrl, historyLayerDigest } from './config-input.js';
import { REMOTE_ADD_RULE } from './config-rules.js';

// BuildKit keeps the instruction as written: `ADD [--checksum=...] https://host/file /dest # buildkit`
const ADD_URL = /(?:^|\s)ADD((?:\s+--\S+)*)\s+((?:https?|ftp):\/\/\S+|git@\S+)(?:\s+(\S+))?/i;
// buildah and the classic builder record a download by its bare hash; local sources carry `file:`, `dir:` or `multi:`
const ADD_DOWNLOAD = /#\(nop\)\s+ADD\s+[0-9a-f]{64}\s+in\s+(\S+)/;

interface RemoteAdd {
  url: string | null;
  destination: string | null;
  verified: boolean;
}

function remoteAddOf(createdBy: string): RemoteAdd | null {
  const written = ADD_URL.exec(createdBy);
  if (written) return { url: written[2], destination: written[3] && written[3] !== '#' ? written[3] : null, verified: /--checksum=/.test(written[1]) };
  const recorded = ADD_DOWNLOAD.exec(createdBy);
  return recorded ? { url: null, destination: recorded[1], verified: false } : null;
}

/** History entries of an `ADD` that downloaded a URL (or cloned a git repository) at build time. */
export function remoteAddHits(input: ConfigInput): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const [index, entry] of (input.config.history ?? []).entries()) {
    const add = remoteAddOf(entry.created_by ?? '');
    if (!add) continue;
    const url = add.url ? displayUrl(add.url) : null;
    const source = url ?? 'a remote URL';
    hits.push({
      ruleId: REMOTE_ADD_RULE,
      key: [url ?? `to ${add.destination ?? ''}`],
      // a pinned checksum answers the integrity question; only the COPY-over-ADD advice is left
      ...(add.verified ? { severity: 'low' as const } : {}),
      title: `ADD downloads ${source}${add.destination ? ` into ${add.destination}` : ''} at build time${add.verified ? ' (checksum pinned)' : ''}`,
      evidence: { path: null, layerDigest: historyLayerDigest(input, index), details: { key: `history[${index}]`, url, destination: add.destination, checksum: add.verified } },
    });
  }
  return hits;
}
