// Module Web Worker: computes the SHA-256 of a File without freezing the page.
//
// Protocol. The page posts the File (or {file}). The worker answers with
//   {progress: bytesDone, total}   at the start and after every slice,
//   {sha256: '<64 hex>'}           when done, or
//   {error: '<message>'}           if the file cannot be read.
// The file is read in 4 MiB slices, so memory use stays constant whatever its size.

import { Sha256 } from './sha256.js';

const SLICE_BYTES = 4 * 1024 * 1024;

async function hashBlob(blob) {
  const sha = new Sha256();
  const total = blob.size;
  self.postMessage({ progress: 0, total });
  for (let offset = 0; offset < total; offset += SLICE_BYTES) {
    const end = Math.min(offset + SLICE_BYTES, total);
    const slice = await blob.slice(offset, end).arrayBuffer();
    sha.update(new Uint8Array(slice));
    self.postMessage({ progress: end, total });
  }
  return sha.digestHex();
}

self.addEventListener('message', async (event) => {
  const data = event.data;
  const blob = data instanceof Blob ? data : data?.file;
  if (!(blob instanceof Blob)) {
    self.postMessage({ error: 'expected a File' });
    return;
  }
  try {
    self.postMessage({ sha256: await hashBlob(blob) });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
});
