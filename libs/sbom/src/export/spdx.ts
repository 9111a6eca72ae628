import { createHash, randomUUID } from 'node:crypto';
import { type CatalogResult, type OsIdentity, type Package } from '../types.js';
import { conjunction, licenseTerm } from './license-terms.js';
import { DEFAULT_TOOL, imagePurl, sha256Hex, type SbomExportOptions, type SbomImage } from './subject.js';

const NOASSERTION = 'NOASSERTION';
const DEFAULT_NAMESPACE = 'https://dhi.local/spdx';
const IMAGE_ID = 'SPDXRef-Image';

type Json = Record<string, unknown>;

const idPart = (value: string): string => value.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

// Free-text licenses must become LicenseRef- ids defined once in hasExtractedLicensingInfos; so must LicenseRefs
// that normalisation already produced (`LicenseRef-Public-Domain`).
class ExtractedLicenses {
  readonly infos = new Map<string, Json>();

  refFor(text: string): string {
    const id = `LicenseRef-${idPart(text).slice(0, 40)}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
    if (!this.infos.has(id)) this.infos.set(id, { licenseId: id, extractedText: text, name: text.slice(0, 200) });
    return id;
  }

  declare(expression: string): void {
    for (const ref of expression.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) {
      if (!this.infos.has(ref)) this.infos.set(ref, { licenseId: ref, extractedText: ref.slice('LicenseRef-'.length), name: ref });
    }
  }

  declared(licenses: string[]): string {
    if (licenses.length === 0) return NOASSERTION;
    const expression = conjunction(licenses.map(licenseTerm).map((term) => (term.kind === 'text' ? this.refFor(term.value) : term.value)));
    this.declare(expression);
    return expression;
  }
}

function packageOf(pkg: Package, spdxId: string, licenses: ExtractedLicenses): Json {
  const layer = `layer ${pkg.layerIndex} (${pkg.layerDigest})`;
  return {
    SPDXID: spdxId,
    name: pkg.name,
    versionInfo: pkg.version,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: licenses.declared(pkg.licenses),
    copyrightText: NOASSERTION,
    ...(pkg.source ? { sourceInfo: `built from source package ${pkg.source.name} ${pkg.source.version}` } : {}),
    comment: `found by ${pkg.foundBy} at ${pkg.locations[0] ?? 'unknown'}; introduced in ${layer}`,
    primaryPackagePurpose: pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk' || pkg.ecosystem === 'rpm' ? 'INSTALL' : 'LIBRARY',
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }],
  };
}

function osPackage(os: OsIdentity): Json {
  return {
    SPDXID: `SPDXRef-OperatingSystem-${idPart(os.id)}`,
    name: os.id,
    ...(os.versionId ? { versionInfo: os.versionId } : {}),
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    ...(os.prettyName ? { description: os.prettyName } : {}),
    // the official JSON schema's spelling; only the specification's tag-value text writes OPERATING-SYSTEM
    primaryPackagePurpose: 'OPERATING_SYSTEM',
  };
}

function imagePackage(image: SbomImage): Json {
  const hex = sha256Hex(image.digest);
  return {
    SPDXID: IMAGE_ID,
    name: image.name,
    versionInfo: image.tag ?? image.digest,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    ...(hex ? { checksums: [{ algorithm: 'SHA256', checksumValue: hex }] } : {}),
    comment: `image manifest ${image.digest}${image.platform ? ` for ${image.platform}` : ''}`,
    primaryPackagePurpose: 'CONTAINER',
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: imagePurl(image) }],
  };
}

/** An SPDX 2.3 JSON document: the image package DESCRIBED by the document and CONTAINING each final package. */
export function toSpdx(result: CatalogResult, image: SbomImage, options: SbomExportOptions = {}): object {
  const tool = options.tool ?? DEFAULT_TOOL;
  const created = (options.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const documentName = `${image.name}${image.tag ? `:${image.tag}` : ''}@${image.digest}`;
  const base = (options.namespaceBase ?? DEFAULT_NAMESPACE).replace(/\/+$/, '');
  const namespace = `${base}/${idPart(image.name)}${options.documentKey ? `/${encodeURIComponent(options.documentKey)}` : ''}/${randomUUID()}`;

  const licenses = new ExtractedLicenses();
  const packages: Json[] = [imagePackage(image)];
  const relationships: Json[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: IMAGE_ID }];
  const contains = (id: string): number => relationships.push({ spdxElementId: IMAGE_ID, relationshipType: 'CONTAINS', relatedSpdxElement: id });
  if (result.os) {
    const os = osPackage(result.os);
    packages.push(os);
    contains(os.SPDXID as string);
  }
  result.packages.forEach((pkg, index) => {
    const spdxId = `SPDXRef-Package-${pkg.ecosystem}-${idPart(pkg.name)}-${index}`;
    packages.push(packageOf(pkg, spdxId, licenses));
    contains(spdxId);
  });
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: documentName,
    documentNamespace: namespace,
    creationInfo: { created, creators: [`Tool: ${tool.name}-${tool.version}`] },
    documentDescribes: [IMAGE_ID],
    packages,
    relationships,
    ...(licenses.infos.size > 0 ? { hasExtractedLicensingInfos: [...licenses.infos.values()] } : {}),
  };
}
