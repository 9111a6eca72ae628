import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type FileBlobStore, importImageArchive, type ImportedImage } from '@dhi/image';
import { catalogImage, type CatalogResult } from '../../src/index.js';
import { corporaDir } from './corpora.js';
import { imageOf } from './layers.js';

/** A corpus image (`alpine-310`) imported into the store and catalogued. */
export async function alpineCatalog(name: string, store: FileBlobStore): Promise<{ image: ImportedImage; result: CatalogResult }> {
  const archive = readFileSync(join(corporaDir(), 'images', `${name}.tar.gz`));
  const image = await importImageArchive(Readable.from([archive]), store);
  return { image, result: await catalogImage(image.layers, store) };
}

const pkgJson = (fields: Record<string, unknown>): string => JSON.stringify({ main: 'index.js', ...fields });
const nm = (path: string): string => `srv/app/node_modules/${path}`;
const site = (path: string): string => `usr/lib/python3/site-packages/${path}`;

/** npm and Python packages covering each license shape, a package installed twice and a later-layer upgrade. */
export async function languageResult(): Promise<CatalogResult> {
  const { layers, source } = await imageOf([
    [
      { name: nm('lodash/package.json'), data: pkgJson({ name: 'lodash', version: '4.17.20', license: 'MIT' }) },
      { name: nm('@scope/dual/package.json'), data: pkgJson({ name: '@scope/dual', version: '1.0.0', license: '(MIT OR Apache-2.0)' }) },
      { name: nm('multi/package.json'), data: pkgJson({ name: 'multi', version: '2.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }) },
      { name: nm('mixed/package.json'), data: pkgJson({ name: 'mixed', version: '0.1.0', licenses: [{ type: 'BSD-3-Clause OR MIT' }, { type: 'Apache-2.0' }] }) },
      { name: nm('custom/package.json'), data: pkgJson({ name: 'custom', version: '3.0.0', license: 'SEE LICENSE IN LICENSE.md' }) },
      { name: nm('custom/node_modules/lodash/package.json'), data: pkgJson({ name: 'lodash', version: '4.17.20', license: 'MIT' }) },
      { name: site('requests-2.31.0.dist-info/METADATA'), data: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\n' },
      { name: site('Typing_Extensions-4.9.0.dist-info/METADATA'), data: 'Metadata-Version: 2.4\nName: Typing_Extensions\nVersion: 4.9.0\nLicense-Expression: PSF-2.0 OR mit\n' },
      { name: site('oddity-1.0.dist-info/METADATA'), data: 'Metadata-Version: 2.1\nName: oddity\nVersion: 1.0\nLicense: Copyright Oddity Inc., all rights reserved\n' },
      { name: site('nolicense-0.1.dist-info/METADATA'), data: 'Metadata-Version: 2.1\nName: nolicense\nVersion: 0.1\n' },
    ],
    [{ name: nm('lodash/package.json'), data: pkgJson({ name: 'lodash', version: '4.17.21', license: 'MIT' }) }],
  ]);
  return catalogImage(layers, source);
}

