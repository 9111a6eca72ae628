import { type ImageFile, type PathEvent } from '@dhi/image';

/** Which layers put something at a path and whether the final filesystem still has it. Layer numbers are 1-based. */
export interface Attribution {
  addedInLayer: number;
  /** The first layer after the last one holding it that deleted or overwrote the path; null while it is in the final image. */
  removedInLayer: number | null;
  removedBy: 'deleted' | 'overwritten' | null;
  stillInFinalImage: boolean;
}

/** The final filesystem (`ImageFilesystem.files`), as far as attribution needs it. */
export type FinalFiles = ReadonlyMap<string, Pick<ImageFile, 'layerIndex' | 'type'>>;

/**
 * Attributes what the given layers (0-based, ascending, at least one) wrote at `path`: still in the image when the final
 * filesystem's file there is one of those versions; otherwise removed by the first later event at the path.
 */
export function attribute(path: string, holdingLayers: readonly number[], history: readonly PathEvent[], files: FinalFiles): Attribution {
  const first = holdingLayers[0];
  const last = holdingLayers[holdingLayers.length - 1];
  const final = files.get(path);
  const stillInFinalImage = final?.type === 'file' && holdingLayers.includes(final.layerIndex);
  if (stillInFinalImage) return { addedInLayer: first + 1, removedInLayer: null, removedBy: null, stillInFinalImage };
  const next = history.find((event) => event.layerIndex > last);
  return {
    addedInLayer: first + 1,
    removedInLayer: next ? next.layerIndex + 1 : null,
    removedBy: next ? (next.action === 'removed' ? 'deleted' : 'overwritten') : null,
    stillInFinalImage,
  };
}

/** "added in layer 2", or "added in layer 2, removed in layer 3, still extractable from the image". */
export function layerStory(attribution: Attribution): string {
  const added = `added in layer ${attribution.addedInLayer}`;
  if (attribution.stillInFinalImage) return added;
  const removed = attribution.removedInLayer === null ? 'not in the final filesystem' : `removed in layer ${attribution.removedInLayer}`;
  return `${added}, ${removed}, still extractable from the image`;
}

/** The evidence details every secret hit carries about its layers. */
export function layerDetails(attribution: Attribution): Record<string, string | number | boolean | null> {
  return {
    addedInLayer: attribution.addedInLayer,
    removedInLayer: attribution.removedInLayer,
    removedBy: attribution.removedBy,
    stillInFinalImage: attribution.stillInFinalImage,
  };
}
