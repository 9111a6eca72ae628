import { type ImageFile } from '@dhi/image';
import { parseGroup, parsePasswd } from './accounts.js';
import { checkApkFiles } from './apk-integrity.js';
import { type ProfileGroup, type ProfilePersistence, type ProfileUser } from './build-profile.js';
import { checkDpkgFiles } from './dpkg-integrity.js';
import { fileFactsOf, type FileFacts } from './file-facts.js';
import { contentAt, type FinalFiles } from './final-files.js';
import { emptyTally, type IntegrityTally } from './integrity-tally.js';
import { persistenceOf } from './persistence.js';

/** Everything a profile takes from the filesystem, kept so the filesystem itself can be released after the read. */
export interface ReadFacts extends FileFacts {
  users: ProfileUser[];
  groups: ProfileGroup[];
  integrity: IntegrityTally;
  persistence: ProfilePersistence;
  /** The symlinks of the final filesystem: enough to say where a package's listed path lands. */
  symlinks: Map<string, Pick<ImageFile, 'type' | 'linkTarget'>>;
}

/** The facts of one read's final filesystem; packages are joined in later, when the catalog is complete. */
export function readFacts(view: FinalFiles): ReadFacts {
  const passwd = contentAt(view, '/etc/passwd');
  const group = contentAt(view, '/etc/group');
  const integrity = emptyTally();
  checkDpkgFiles(view, integrity);
  checkApkFiles(view, integrity);
  const symlinks = new Map<string, Pick<ImageFile, 'type' | 'linkTarget'>>();
  for (const [path, file] of view.files) if (file.type === 'symlink') symlinks.set(path, { type: file.type, linkTarget: file.linkTarget });
  return {
    ...fileFactsOf(view),
    users: passwd ? parsePasswd(passwd.toString('utf8')) : [],
    groups: group ? parseGroup(group.toString('utf8')) : [],
    integrity,
    persistence: persistenceOf(view),
    symlinks,
  };
}
