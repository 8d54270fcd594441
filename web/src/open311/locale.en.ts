import type { open311Zh } from './locale.zh.ts';

/** The Open311 keys' screen in English: the same keys as locale.zh.ts. */
export const open311En: Record<keyof typeof open311Zh, string> = {
  'open311.title': 'Open311 keys',
  'open311.newKey': 'Issue an api_key',
  'open311.unit': 'Unit',
  'open311.label': 'Used by',
  'open311.issue': 'Issue',
  'open311.keyPrefix': 'Key begins',
  'open311.state': 'State',
  'open311.issuedAt': 'Issued',
  'open311.revokedAt': 'Revoked',
  'open311.actions': 'Actions',
  'open311.keyTitle': 'The api_key (shown this once)',
  'open311.keyHint': 'Hand it over now: only its hash is kept, and it cannot be shown again.',
  'open311.confirmRevoke': 'Revoke the key of {label}? Every request with it will be refused.',
  'open311.total': '{total} in all',
  'open311.none': 'No api_keys yet',
};
