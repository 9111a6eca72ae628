// What the SPDX 2.3 specification's text requires of field values and the official JSON schema does not encode (it
// types them as plain strings): fixed values, identifier and date formats. Structure, required fields and enumerations
// are checked by the official schema (see official-spdx-schema.ts); nothing here repeats them.
const SPDX_ID = { type: 'string', pattern: '^SPDXRef-[A-Za-z0-9.-]+$' };
// a relationship may also point at NONE, NOASSERTION or an element of another document
const RELATED_ELEMENT = { type: 'string', pattern: '^(NONE|NOASSERTION|(DocumentRef-[A-Za-z0-9.-]+:)?SPDXRef-[A-Za-z0-9.-]+)$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' };
const NON_EMPTY = { type: 'string', minLength: 1 };

const PACKAGE = {
  type: 'object',
  properties: {
    SPDXID: SPDX_ID,
    name: NON_EMPTY,
    supplier: { type: 'string', pattern: '^(NOASSERTION|(Person|Organization): .+)$' },
    originator: { type: 'string', pattern: '^(NOASSERTION|(Person|Organization): .+)$' },
    downloadLocation: NON_EMPTY,
    checksums: { type: 'array', items: { type: 'object', properties: { checksumValue: { type: 'string', pattern: '^[0-9a-f]+$' } } } },
    licenseConcluded: NON_EMPTY,
    licenseDeclared: NON_EMPTY,
    externalRefs: { type: 'array', items: { type: 'object', properties: { referenceType: NON_EMPTY, referenceLocator: { type: 'string', pattern: '^\\S+$' } } } },
    releaseDate: DATE,
    builtDate: DATE,
    validUntilDate: DATE,
  },
};

/** SPDX 2.3 value constraints for ajv, to use beside the official schema. */
export const SPDX_23_VALUE_FORMATS = {
  type: 'object',
  properties: {
    spdxVersion: { const: 'SPDX-2.3' },
    dataLicense: { const: 'CC0-1.0' },
    SPDXID: { const: 'SPDXRef-DOCUMENT' },
    name: NON_EMPTY,
    documentNamespace: { type: 'string', format: 'uri', not: { pattern: '#' } },
    creationInfo: {
      type: 'object',
      properties: { created: DATE, creators: { type: 'array', items: { type: 'string', pattern: '^(Person|Organization|Tool): .+$' } } },
    },
    documentDescribes: { type: 'array', items: SPDX_ID },
    packages: { type: 'array', items: PACKAGE },
    relationships: {
      type: 'array',
      items: { type: 'object', properties: { spdxElementId: SPDX_ID, relatedSpdxElement: RELATED_ELEMENT } },
    },
    hasExtractedLicensingInfos: {
      type: 'array',
      items: { type: 'object', properties: { licenseId: { type: 'string', pattern: '^LicenseRef-[A-Za-z0-9.-]+$' }, extractedText: NON_EMPTY } },
    },
  },
};
