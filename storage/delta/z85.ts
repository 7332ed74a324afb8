/**
 * Z85 (ZeroMQ RFC 32) decoding, the encoding Delta uses for inline deletion
 * vectors and for the UUIDs that name deletion vector files: 5 characters carry
 * 4 bytes, big-endian, base 85.
 */
import { LochError, SqlState } from '../../core/index.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes Z85 text (length a multiple of 5) into bytes (4 per 5 characters).
 *
 * Also accepts the padded tail some writers emit for lengths that are not a
 * multiple of 4 (the Rust `z85` crate, used by delta-rs / delta-kernel-rs): a
 * final group of k '#' characters then 5-k digits holds 4-k big-endian bytes.
 * A leading '#' can never start a regular group (its value would exceed 2^32),
 * so the two forms cannot be confused.
 */
export function z85Decode(text: string): Uint8Array {
  if (text.length % 5 !== 0) throw new LochError(SqlState.dataCorrupted, `Z85 text of length ${text.length} is not a multiple of 5`);
  const out = new Uint8Array((text.length / 5) * 4);
  let o = 0;
  for (let i = 0; i < text.length; i += 5) {
    let pad = 0;
    while (pad < 4 && text.charCodeAt(i + pad) === 0x23 /* '#' */) pad++;
    if (pad > 0 && (pad === 4 || i + 5 !== text.length)) throw new LochError(SqlState.dataCorrupted, 'Z85 padding "#" appears outside the last group');
    let v = 0;
    for (let k = pad; k < 5; k++) {
      const c = text.charCodeAt(i + k);
      const d = c < 128 ? DECODE[c]! : -1;
      if (d < 0) throw new LochError(SqlState.dataCorrupted, `"${text[i + k]}" is not a Z85 character`);
      v = v * 85 + d;
    }
    const bytes = 4 - pad;
    if (v >= 2 ** (8 * bytes)) throw new LochError(SqlState.dataCorrupted, 'Z85 group out of range');
    for (let b = bytes - 1; b >= 0; b--) out[o + (bytes - 1 - b)] = Math.floor(v / 2 ** (8 * b)) & 0xff;
    o += bytes;
  }
  return o === out.length ? out : out.subarray(0, o);
}

/** Encodes bytes (length a multiple of 4) as Z85 (for tests and, later, the write path). */
export function z85Encode(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new LochError(SqlState.internalError, `Z85 input of length ${bytes.length} is not a multiple of 4`);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let v = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
    const chunk = new Array<string>(5);
    for (let k = 4; k >= 0; k--) { chunk[k] = ALPHABET[v % 85]!; v = Math.floor(v / 85); }
    out += chunk.join('');
  }
  return out;
}

/** A 16-byte UUID as canonical text (8-4-4-4-12 lowercase hex). */
export function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
