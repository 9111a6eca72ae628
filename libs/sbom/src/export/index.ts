export { toCycloneDx } from './cyclonedx.js';
export { toSpdx } from './spdx.js';
export { imagePurl, type SbomExportOptions, type SbomImage } from './subject.js';
