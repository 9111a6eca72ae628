/** The stable ids of the Dockerfile rules; findings and the catalog name rules by these. */
export const DOCKERFILE_RULE_IDS = {
  userRoot: 'dockerfile.user-root',
  userMissing: 'dockerfile.user-missing',
  fromUntagged: 'dockerfile.from-untagged',
  fromLatest: 'dockerfile.from-latest',
  fromNotPinned: 'dockerfile.from-not-pinned',
  aptNoInstallRecommends: 'dockerfile.apt-no-install-recommends',
  aptListsNotRemoved: 'dockerfile.apt-lists-not-removed',
  aptUnpinned: 'dockerfile.apt-unpinned',
  apkNoCache: 'dockerfile.apk-no-cache',
  apkUnpinned: 'dockerfile.apk-unpinned',
  curlPipeShell: 'dockerfile.curl-pipe-shell',
  sudo: 'dockerfile.sudo',
  addInsteadOfCopy: 'dockerfile.add-instead-of-copy',
  chmodWorldWritable: 'dockerfile.chmod-world-writable',
  chmodSetuid: 'dockerfile.chmod-setuid',
  secretInArgEnv: 'dockerfile.secret-in-arg-env',
  secretNamedArgEnv: 'dockerfile.secret-named-arg-env',
  copyContextWithoutDockerignore: 'dockerfile.copy-context-without-dockerignore',
  exposeSsh: 'dockerfile.expose-ssh',
  healthcheckMissing: 'dockerfile.healthcheck-missing',
} as const;

export type DockerfileRuleId = (typeof DOCKERFILE_RULE_IDS)[keyof typeof DOCKERFILE_RULE_IDS];
