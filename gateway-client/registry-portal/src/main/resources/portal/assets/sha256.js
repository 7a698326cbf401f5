// Incremental SHA-256 (FIPS 180-4) in plain JavaScript.
//
// Used where WebCrypto cannot be: for files too large to read into memory at
// once (WebCrypto has no streaming digest) and on pages served without a secure
// context (crypto.subtle is then undefined). Feed the data in pieces of any
// size with update(); the memory used stays constant.
//
//   const sha = new Sha256();
//   sha.update(firstBytes).update(moreBytes);
//   sha.digestHex(); // 64 lower-case hex digits

/** The 64 round constants: first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Initial hash value: first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const BLOCK_BYTES = 64;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Processes one 64-byte block of `bytes` starting at `offset` into `state`.
 * All arithmetic is done on signed 32-bit integers (`| 0`); the bit patterns
 * are what matters, so signedness is irrelevant until the final output.
 */
function compress(state, w, bytes, offset) {
  for (let i = 0; i < 16; i++) {
    const p = offset + i * 4;
    w[i] = (bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3];
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15];
    const y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }

  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];

  for (let i = 0; i < 64; i++) {
    const bigSigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choose = (e & f) ^ (~e & g);
    const t1 = (h + bigSigma1 + choose + K[i] + w[i]) | 0;
    const bigSigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (bigSigma0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }

  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/** Accepts a Uint8Array, any other typed array / DataView (as bytes) or an ArrayBuffer. */
function asBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('Sha256.update expects a Uint8Array or an ArrayBuffer');
}

export class Sha256 {
  #state = Int32Array.from(INITIAL_STATE);
  #words = new Int32Array(64);
  /** Bytes waiting for a full block. */
  #pending = new Uint8Array(BLOCK_BYTES);
  #pendingLength = 0;
  /** Total message length in bytes (a double: exact up to 2^53). */
  #length = 0;
  /** The digest once computed; no more data may be added after that. */
  #digest = null;

  /**
   * Adds bytes to the message.
   * @param {Uint8Array|ArrayBuffer|ArrayBufferView} data
   * @returns {Sha256} this, for chaining
   */
  update(data) {
    if (this.#digest) throw new Error('Sha256: cannot update after the digest was taken');
    const bytes = asBytes(data);
    const length = bytes.length;
    this.#length += length;
    let offset = 0;

    // Complete a block left over from the previous call first.
    if (this.#pendingLength > 0) {
      const take = Math.min(BLOCK_BYTES - this.#pendingLength, length);
      this.#pending.set(bytes.subarray(0, take), this.#pendingLength);
      this.#pendingLength += take;
      offset = take;
      if (this.#pendingLength < BLOCK_BYTES) return this;
      compress(this.#state, this.#words, this.#pending, 0);
      this.#pendingLength = 0;
    }

    // Whole blocks straight from the input, without copying.
    for (; offset + BLOCK_BYTES <= length; offset += BLOCK_BYTES) {
      compress(this.#state, this.#words, bytes, offset);
    }

    if (offset < length) {
      this.#pending.set(bytes.subarray(offset), 0);
      this.#pendingLength = length - offset;
    }
    return this;
  }

  /**
   * Finishes the hash (once; later calls return the same value).
   * @returns {Uint8Array} the 32-byte digest
   */
  digest() {
    if (!this.#digest) this.#digest = this.#finish();
    return this.#digest.slice();
  }

  /** @returns {string} the digest as 64 lower-case hex digits */
  digestHex() {
    let hex = '';
    for (const byte of this.digest()) hex += HEX[byte];
    return hex;
  }

  #finish() {
    // Padding: a 1 bit, zeros up to 56 mod 64 bytes, then the length in bits as 64-bit big-endian.
    const block = this.#pending;
    let used = this.#pendingLength;
    block[used++] = 0x80;
    if (used > BLOCK_BYTES - 8) {
      block.fill(0, used);
      compress(this.#state, this.#words, block, 0);
      used = 0;
    }
    block.fill(0, used, BLOCK_BYTES - 8);
    const bits = this.#length * 8;
    const view = new DataView(block.buffer, block.byteOffset, BLOCK_BYTES);
    view.setUint32(BLOCK_BYTES - 8, Math.floor(bits / 0x100000000));
    view.setUint32(BLOCK_BYTES - 4, bits >>> 0);
    compress(this.#state, this.#words, block, 0);

    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setInt32(i * 4, this.#state[i]);
    return out;
  }
}
