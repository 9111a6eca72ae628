// NOT the official SPDX 2.3 JSON schema (no installed package ships it): written from the SPDX 2.3 specification's
// required fields, value formats and enumerations, with additionalProperties closed as the official schema does.
const SPDX_ID = { type: 'string', pattern: '^SPDXRef-[A-Za-z0-9.-]+$' };
const LICENSE = { type: 'string', minLength: 1 };

const PACKAGE = {
  type: 'object',
  additionalProperties: false,
  required: ['SPDXID', 'name', 'downloadLocation'],
  properties: {
    SPDXID: SPDX_ID, name: { type: 'string', minLength: 1 }, versionInfo: { type: 'string' }, packageFileName: { type: 'string' },
    supplier: { type: 'string', pattern: '^(NOASSERTION|(Person|Organization): .+)$' }, originator: { type: 'string' },
    downloadLocation: { type: 'string', minLength: 1 }, filesAnalyzed: { type: 'boolean' }, homepage: { type: 'string' },
    checksums: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['algorithm', 'checksumValue'],
        properties: {
          algorithm: { enum: ['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'BLAKE2b-256', 'BLAKE2b-384', 'BLAKE2b-512', 'BLAKE3', 'MD2', 'MD4', 'MD5', 'MD6', 'ADLER32'] },
          checksumValue: { type: 'string', pattern: '^[0-9a-f]+$' },
        },
      },
    },
    sourceInfo: { type: 'string' }, licenseConcluded: LICENSE, licenseDeclared: LICENSE, licenseInfoFromFiles: { type: 'array', items: LICENSE },
    licenseComments: { type: 'string' }, copyrightText: { type: 'string' }, summary: { type: 'string' }, description: { type: 'string' },
    comment: { type: 'string' },
    externalRefs: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['referenceCategory', 'referenceType', 'referenceLocator'],
        properties: {
          referenceCategory: { enum: ['OTHER', 'PERSISTENT-ID', 'PERSISTENT_ID', 'SECURITY', 'PACKAGE-MANAGER', 'PACKAGE_MANAGER'] },
          referenceType: { type: 'string', minLength: 1 }, referenceLocator: { type: 'string', pattern: '^\\S+$' }, comment: { type: 'string' },
        },
      },
    },
    primaryPackagePurpose: { enum: ['APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'OPERATING-SYSTEM', 'DEVICE', 'FIRMWARE', 'SOURCE', 'ARCHIVE', 'FILE', 'INSTALL', 'OTHER'] },
    releaseDate: { type: 'string', format: 'date-time' }, builtDate: { type: 'string', format: 'date-time' }, validUntilDate: { type: 'string', format: 'date-time' },
  },
};

const RELATIONSHIP_TYPES = [
  'DESCRIBES', 'DESCRIBED_BY', 'CONTAINS', 'CONTAINED_BY', 'DEPENDS_ON', 'DEPENDENCY_OF', 'DEPENDENCY_MANIFEST_OF', 'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF', 'OPTIONAL_DEPENDENCY_OF', 'PROVIDED_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF', 'RUNTIME_DEPENDENCY_OF', 'EXAMPLE_OF',
  'GENERATES', 'GENERATED_FROM', 'ANCESTOR_OF', 'DESCENDANT_OF', 'VARIANT_OF', 'DISTRIBUTION_ARTIFACT', 'PATCH_FOR', 'PATCH_APPLIED',
  'COPY_OF', 'FILE_ADDED', 'FILE_DELETED', 'FILE_MODIFIED', 'EXPANDED_FROM_ARCHIVE', 'DYNAMIC_LINK', 'STATIC_LINK', 'DATA_FILE_OF',
  'TEST_CASE_OF', 'BUILD_TOOL_OF', 'DEV_TOOL_OF', 'TEST_OF', 'TEST_TOOL_OF', 'DOCUMENTATION_OF', 'OPTIONAL_COMPONENT_OF', 'METAFILE_OF',
  'PACKAGE_OF', 'AMENDS', 'PREREQUISITE_FOR', 'HAS_PREREQUISITE', 'REQUIREMENT_DESCRIPTION_FOR', 'SPECIFICATION_FOR', 'OTHER',
];

/** SPDX 2.3 document constraints for ajv (draft-07): see the note at the top of this file. */
export const SPDX_23_REQUIRED_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'documentNamespace', 'creationInfo'],
  properties: {
    spdxVersion: { const: 'SPDX-2.3' },
    dataLicense: { const: 'CC0-1.0' },
    SPDXID: { const: 'SPDXRef-DOCUMENT' },
    name: { type: 'string', minLength: 1 },
    documentNamespace: { type: 'string', format: 'uri', not: { pattern: '#' } },
    comment: { type: 'string' },
    creationInfo: {
      type: 'object', additionalProperties: false, required: ['created', 'creators'],
      properties: {
        created: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' },
        creators: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(Person|Organization|Tool): .+$' } },
        licenseListVersion: { type: 'string' }, comment: { type: 'string' },
      },
    },
    documentDescribes: { type: 'array', items: SPDX_ID },
    packages: { type: 'array', items: PACKAGE },
    relationships: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['spdxElementId', 'relationshipType', 'relatedSpdxElement'],
        properties: { spdxElementId: SPDX_ID, relationshipType: { enum: RELATIONSHIP_TYPES }, relatedSpdxElement: { type: 'string' }, comment: { type: 'string' } },
      },
    },
    hasExtractedLicensingInfos: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['licenseId', 'extractedText'],
        properties: {
          licenseId: { type: 'string', pattern: '^LicenseRef-[A-Za-z0-9.-]+$' }, extractedText: { type: 'string', minLength: 1 }, name: { type: 'string' },
          comment: { type: 'string' }, seeAlsos: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};
