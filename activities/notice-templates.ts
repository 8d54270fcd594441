export type NoticeKind = 'case_filed' | 'case_submitted';

export type NoticeFacts = {
  number: number;
  title: string;
  urgent: boolean;
  status: string;
  filingUnitName: string;
  districtName: string;
};

export type RenderedNotice = { subject: string; text: string; alsoToDistrict: boolean };

export function renderNotice(kind: NoticeKind, facts: NoticeFacts): RenderedNotice {
  const ref = `Case #${facts.number}`;
  const urgentTag = facts.urgent ? '[URGENT] ' : '';
  switch (kind) {
    case 'case_filed':
      return {
        subject: `${urgentTag}${ref} filed: ${facts.title}`,
        text: [
          `${ref} "${facts.title}" was filed by ${facts.filingUnitName}.`,
          facts.urgent
            ? `It is urgent and went straight to ${facts.districtName} for triage.`
            : `It waits in the unit's ledger for the next semi-annual submission (before June 26 or December 26).`,
        ].join('\n'),
        alsoToDistrict: facts.urgent,
      };
    case 'case_submitted':
      return {
        subject: `${ref} submitted to ${facts.districtName}: ${facts.title}`,
        text: `${ref} "${facts.title}" from ${facts.filingUnitName} is now with ${facts.districtName} for triage.`,
        alsoToDistrict: true,
      };
  }
}
