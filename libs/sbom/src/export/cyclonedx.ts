import { Contrib, Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { type CatalogResult, type OsIdentity, type Package } from '../types.js';
import { conjunction, licenseTerm } from './license-terms.js';
import { DEFAULT_TOOL, imagePurl, sha256Hex, type SbomExportOptions, type SbomImage } from './subject.js';

// CycloneDX 1.6 allows either license choices or a single expression per component, never both.
function licensesOf(licenses: string[]): Models.License[] {
  const terms = licenses.map(licenseTerm);
  if (terms.some((term) => term.kind === 'expression') && terms.every((term) => term.kind !== 'text')) {
    return [new Models.LicenseExpression(conjunction(terms.map((term) => term.value)))];
  }
  return terms.map((term) => (term.kind === 'id' ? new Models.SpdxLicense(term.value) : new Models.NamedLicense(term.value)));
}

function componentOf(pkg: Package, bomRef: string): Models.Component {
  const properties = [
    new Models.Property('dhi:package:ecosystem', pkg.ecosystem),
    new Models.Property('dhi:package:foundBy', pkg.foundBy),
    new Models.Property('dhi:layer:index', String(pkg.layerIndex)),
    new Models.Property('dhi:layer:digest', pkg.layerDigest),
  ];
  if (pkg.locations[0]) properties.push(new Models.Property('dhi:location:metadata', pkg.locations[0]));
  if (pkg.arch) properties.push(new Models.Property('dhi:package:arch', pkg.arch));
  if (pkg.source) {
    properties.push(new Models.Property('dhi:source:name', pkg.source.name), new Models.Property('dhi:source:version', pkg.source.version));
  }
  const [group, name] = pkg.ecosystem === 'maven' && pkg.name.includes(':') ? pkg.name.split(':', 2) : [undefined, pkg.name];
  return new Models.Component(Enums.ComponentType.Library, name, {
    bomRef,
    group,
    version: pkg.version,
    purl: pkg.purl,
    licenses: new Models.LicenseRepository(licensesOf(pkg.licenses)),
    properties: new Models.PropertyRepository(properties),
  });
}

function osComponent(os: OsIdentity): Models.Component {
  const properties = os.ecosystem ? [new Models.Property('dhi:os:ecosystem', os.ecosystem)] : [];
  return new Models.Component(Enums.ComponentType.OperatingSystem, os.id, {
    bomRef: `os:${os.id}@${os.versionId ?? 'unknown'}`,
    version: os.versionId ?? undefined,
    description: os.prettyName ?? undefined,
    properties: new Models.PropertyRepository(properties),
  });
}

function imageComponent(image: SbomImage): Models.Component {
  const component = new Models.Component(Enums.ComponentType.Container, image.name, {
    bomRef: imagePurl(image),
    version: image.tag ?? image.digest,
    purl: imagePurl(image),
    properties: new Models.PropertyRepository([new Models.Property('dhi:image:digest', image.digest)]),
  });
  const hex = sha256Hex(image.digest);
  if (hex) component.hashes.set(Enums.HashAlgorithm['SHA-256'], hex);
  if (image.platform) component.properties.add(new Models.Property('dhi:image:platform', image.platform));
  return component;
}

/** A CycloneDX 1.6 JSON document of the image's final packages, built and serialised with the CycloneDX library. */
export function toCycloneDx(result: CatalogResult, image: SbomImage, options: SbomExportOptions = {}): object {
  const tool = options.tool ?? DEFAULT_TOOL;
  const bom = new Models.Bom({ serialNumber: Contrib.Bom.Utils.randomSerialNumber() });
  bom.metadata.timestamp = options.timestamp ?? new Date();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, tool.name, { version: tool.version }));
  bom.metadata.component = imageComponent(image);
  for (const note of result.notes) bom.metadata.properties.add(new Models.Property(`dhi:note:${note.code}`, `${note.path}: ${note.message}`));

  if (result.os) bom.components.add(osComponent(result.os));
  // purls repeat when one package is installed at several places (nested node_modules): keep refs unique
  const seen = new Map<string, number>();
  for (const pkg of result.packages) {
    const count = seen.get(pkg.purl) ?? 0;
    seen.set(pkg.purl, count + 1);
    bom.components.add(componentOf(pkg, count === 0 ? pkg.purl : `${pkg.purl}#${count}`));
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return JSON.parse(serializer.serialize(bom, { sortLists: false })) as object;
}
