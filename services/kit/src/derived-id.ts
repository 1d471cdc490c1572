import { createHash } from 'node:crypto';

/**
 * A UUID computed from the event's cause, so that replaying the same input derives the same ids
 * and consumers can drop what they have seen. Laid out as an RFC 9562 version-8 (custom) UUID.
 */
export function derivedEventId(...cause: readonly string[]): string {
  const bytes = createHash('sha256').update(cause.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
