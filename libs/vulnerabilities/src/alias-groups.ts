/**
 * Partitions advisories that describe the same vulnerability: two advisories are one when they share an id or an
 * alias (a DSA and the CVE it fixes, a GHSA and the PYSEC record of the same CVE). Returns the groups of input indexes.
 */
export function aliasGroups(advisories: readonly { id: string; aliases: readonly string[] }[]): number[][] {
  const parent = advisories.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  advisories.forEach((advisory, i) => {
    for (const name of [advisory.id, ...advisory.aliases]) {
      const seen = owner.get(name);
      if (seen === undefined) owner.set(name, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, number[]>();
  advisories.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

const CVE = /^CVE-\d{4}-\d+$/;

/**
 * The id a group is known by: its CVE when it names exactly one (the name users search for), else the smallest id of
 * the advisories that matched (a DSA fixing five CVEs is one finding, known by the DSA).
 */
export function primaryIdOf(matchedIds: readonly string[], allIds: readonly string[]): string {
  const cves = [...new Set(allIds.filter((id) => CVE.test(id)))];
  if (cves.length === 1) return cves[0]!;
  return [...matchedIds].sort()[0] ?? '';
}
