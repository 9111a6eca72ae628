import { type Extract } from 'tar-stream';

/**
 * Writes a byte stream into a tar-stream extractor with backpressure and ends it; a failing source destroys the
 * extractor, so the reader of its entries sees the error. Stops early when the reader destroyed the extractor.
 * The returned promise settles (never rejects) once the source is consumed.
 */
export function pumpIntoExtractor(input: AsyncIterable<Buffer>, extract: Extract): Promise<void> {
  const pump = (async () => {
    for await (const chunk of input) {
      if (extract.destroyed) return;
      if (!extract.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            extract.off('drain', done);
            extract.off('close', done);
            resolve();
          };
          extract.on('drain', done);
          extract.on('close', done);
        });
      }
    }
    extract.end(null);
  })();
  return pump.catch((error: unknown) => {
    extract.destroy(error as Error);
  });
}
