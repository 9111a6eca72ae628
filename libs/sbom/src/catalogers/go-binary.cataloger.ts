import { type StreamCataloger, type CatalogOutput, type FoundNote, type FoundPackage } from '../cataloger.js';
import { formatPurl } from '../purl.js';
import { GoBuildInfoScanner, type GoBuildInfoBlob } from './go-buildinfo.js';
import { type GoModInfo, type GoModule, isDirectoryPath, parseGoModInfo, stdlibVersion } from './go-modinfo.js';

const FOUND_BY = 'go-buildinfo';
// the Go runtime alone is several hundred KiB: smaller files are not worth streaming
export const MIN_GO_BINARY_BYTES = 64 * 1024;
const BIN_DIR = /\/(?:s?bin|libexec)\//;

function goPackage(path: string, version: string, binary: string): FoundPackage {
  const slash = path.lastIndexOf('/');
  const purl = formatPurl({ type: 'golang', namespace: slash < 0 ? null : path.slice(0, slash), name: path.slice(slash + 1), version });
  return { name: path, version, ecosystem: 'golang', purl, arch: null, source: null, licenses: [], locations: [binary], foundBy: FOUND_BY };
}

/** The module built in: a replacement by another module wins; one by a local directory keeps what go.mod required. */
function builtIn(dep: GoModule, binary: string, notes: FoundNote[]): FoundPackage {
  const replace = dep.replace;
  if (!replace) return goPackage(dep.path, dep.version, binary);
  const local = isDirectoryPath(replace.path) || replace.version === '' || replace.version === '(devel)';
  if (!local) return goPackage(replace.path, replace.version, binary);
  notes.push({
    code: 'go_local_replacement',
    message: `${binary} builds ${dep.path} from the local directory ${replace.path}: its version ${dep.version} is the one go.mod requires, the code may differ`,
    path: binary,
  });
  return goPackage(dep.path, dep.version, binary);
}

/** The packages of one Go binary: its main module, every dependency as built in, and the standard library as `stdlib`. */
export function goBinaryPackages(goVersion: string, info: GoModInfo, binary: string): CatalogOutput {
  const notes: FoundNote[] = [];
  const packages: FoundPackage[] = [];
  if (info.main) packages.push(goPackage(info.main.path, info.main.version, binary));
  for (const dep of info.deps) packages.push(builtIn(dep, binary, notes));
  packages.push(goPackage('stdlib', stdlibVersion(goVersion), binary));
  return { packages, notes };
}

function outputOf(blob: GoBuildInfoBlob | null, binary: string): CatalogOutput | undefined {
  if (blob === null) return undefined;
  const unreadable = (why: string): CatalogOutput => ({
    packages: [],
    notes: [{ code: 'metadata_unreadable', message: `the Go build info of ${binary} could not be read: ${why}`, path: binary }],
  });
  if (blob.kind === 'malformed') return unreadable(blob.reason);
  if (blob.kind === 'pointer') {
    const message = `${binary} is a Go binary built before Go 1.18 (pointer-format build info), which is not read: its modules are not listed`;
    return { packages: [], notes: [{ code: 'go_buildinfo_unsupported', message, path: binary }] };
  }
  const info = parseGoModInfo(blob.modinfo);
  return 'error' in info ? unreadable(`its module list is malformed (${info.error})`) : goBinaryPackages(blob.goVersion, info, binary);
}

/**
 * Go binaries (ELF): module path, dependencies and Go version from the build info the linker embeds. Looks at regular
 * files of at least MIN_GO_BINARY_BYTES that have an execute bit or sit in a bin directory.
 */
export const goBinaryCataloger: StreamCataloger = {
  name: FOUND_BY,
  inspect(entry, path) {
    if (entry.size < MIN_GO_BINARY_BYTES) return undefined;
    if ((entry.mode & 0o111) === 0 && !BIN_DIR.test(path)) return undefined;
    const scanner = new GoBuildInfoScanner();
    return { update: (chunk) => scanner.update(chunk), finish: () => outputOf(scanner.finish(), path) };
  },
};
