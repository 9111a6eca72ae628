import { authorizedKeys } from './authorized-keys.js';
import { type ProfilePersistence } from './build-profile.js';
import { cronEntries } from './cron.js';
import { type FinalFiles } from './final-files.js';

const SYSTEMD_UNIT = /^\/(?:etc|lib|usr\/lib)\/systemd\/system\/.+\.(?:service|timer|socket|path)$/;

/** Unit files and the symlinks that enable them (`*.wants/`), under systemd's system unit directories. */
function systemdUnits(view: FinalFiles): string[] {
  const units: string[] = [];
  for (const [path, file] of view.files) if (file.type !== 'dir' && SYSTEMD_UNIT.test(path)) units.push(path);
  return units.sort();
}

/** Where something in the image arranges to be run again or let in: cron, systemd units, authorized SSH keys. */
export function persistenceOf(view: FinalFiles): ProfilePersistence {
  return { cron: cronEntries(view), systemdUnits: systemdUnits(view), authorizedKeys: authorizedKeys(view) };
}
