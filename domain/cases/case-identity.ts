import { createHash } from 'node:crypto';

/**
 * A case's id is a pure function of the filing unit and the client's idempotency key, so every retry
 * of one filing - however many arrive at once - names the same case and the same workflow.
 */
export function deriveCaseId(filingUnitId: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`${filingUnitId}\n${idempotencyKey}`).digest('hex');
  // RFC 9562 UUIDv8 (custom): version nibble 8, variant bits 10.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
