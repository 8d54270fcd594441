import type { partyZh } from './locale.zh.ts';

/** The party members' screens in English: the same keys as locale.zh.ts. */
export const partyEn: Record<keyof typeof partyZh, string> = {
  'party.nav.members': 'Party members',
  'party.members.title': 'Registered party members',
  'party.members.side': 'Whose',
  'party.members.sideAll': 'All',
  'party.members.sideCommunity': 'Registered with this street (park)',
  'party.members.sideHomeUnit': 'This unit’s members',
  'party.members.search': 'Search name or member number',
  'party.members.status': 'Registration',
  'party.member.number': 'Member number',
  'party.member.name': 'Name',
  'party.member.homeUnit': 'Home unit',
  'party.member.branch': 'Party branch',
  'party.member.community': 'Community',
  'party.member.newCommunity': 'Move to community',
  'party.member.registration': 'Registration',
  'party.member.registeredOn': 'Registered on',
  'party.member.endedOn': 'Moved away on',
  'party.member.movedOn': 'Moved on',
  'party.member.contact': 'Contact',
  'party.member.history': 'Registrations of {name}',
  'party.actions': 'Actions',
  'party.save': 'Save',
  'party.total': '{total} in all',
};
