// Hashing a chosen file in the browser. The document never leaves the device:
// only the resulting SHA-256 is used by the rest of the page.
//
// Strategy:
//  - files up to 32 MiB, in a secure context: WebCrypto (fast, native) on the
//    whole file read into memory at once;
//  - larger files, or no crypto.subtle (plain http): the module worker
//    hash-worker.js, which streams the file in slices (constant memory) and
//    reports progress;
//  - if module workers are unavailable (old browsers): the same streaming on
//    the main thread, yielding to the event loop between slices.

import { Sha256 } from './sha256.js';

export const WEB_CRYPTO_MAX_BYTES = 32 * 1024 * 1024;
const MAIN_THREAD_SLICE_BYTES = 1024 * 1024;

/** The worker could not be started (so another method should be tried). */
class WorkerUnavailableError extends Error {}

/** The file could not be hashed. */
export class HashError extends Error {
  constructor(message) {
    super(message);
    this.name = 'HashError';
  }
}

function abortError() {
  return new DOMException('Hashing was cancelled', 'AbortError');
}

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Computes the SHA-256 of a file.
 * @param {File|Blob} file
 * @param {{onProgress?: (done: number, total: number) => void, signal?: AbortSignal}} [options]
 *   onProgress is only called on the streamed (large file) paths.
 * @returns {Promise<string>} 64 lower-case hex digits
 */
export async function hashFile(file, { onProgress, signal } = {}) {
  if (signal?.aborted) throw abortError();

  if (file.size <= WEB_CRYPTO_MAX_BYTES && globalThis.crypto?.subtle) {
    try {
      const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
      if (signal?.aborted) throw abortError();
      return toHex(digest);
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      // Otherwise (e.g. out of memory) fall through to the streamed paths.
    }
  }

  try {
    return await hashInWorker(file, onProgress, signal);
  } catch (error) {
    if (!(error instanceof WorkerUnavailableError)) throw error;
    return hashOnMainThread(file, onProgress, signal);
  }
}

function hashInWorker(file, onProgress, signal) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(new URL('./hash-worker.js', import.meta.url), { type: 'module' });
    } catch {
      reject(new WorkerUnavailableError());
      return;
    }
    // The worker says {progress: 0} as soon as it runs; an error before that
    // means it never started (module workers unsupported, script blocked...).
    let started = false;

    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.addEventListener('message', ({ data }) => {
      started = true;
      if (typeof data?.sha256 === 'string') {
        stop();
        resolve(data.sha256);
      } else if (data?.error !== undefined) {
        stop();
        reject(new HashError(String(data.error)));
      } else if (typeof data?.progress === 'number') {
        onProgress?.(data.progress, data.total);
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop();
      reject(started ? new HashError(event.message || 'the hashing worker failed') : new WorkerUnavailableError());
    });
    worker.addEventListener('messageerror', () => {
      stop();
      reject(new HashError('the hashing worker sent an unreadable message'));
    });

    worker.postMessage(file);
  });
}

async function hashOnMainThread(file, onProgress, signal) {
  const sha = new Sha256();
  const total = file.size;
  onProgress?.(0, total);
  for (let offset = 0; offset < total; offset += MAIN_THREAD_SLICE_BYTES) {
    if (signal?.aborted) throw abortError();
    const end = Math.min(offset + MAIN_THREAD_SLICE_BYTES, total);
    try {
      sha.update(new Uint8Array(await file.slice(offset, end).arrayBuffer()));
    } catch (error) {
      throw new HashError(String(error?.message ?? error));
    }
    onProgress?.(end, total);
    // Let the page repaint and react between slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (signal?.aborted) throw abortError();
  return sha.digestHex();
}
