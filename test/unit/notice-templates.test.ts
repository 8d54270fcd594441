import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../activities/notice-templates.ts';

const facts = { number: 7, title: 'Footbridge', urgent: false, status: 'awaiting_submission', filingUnitName: 'East Street Office', districtName: 'District OD' };

describe('renderNotice', () => {
  it('tells a regular filing that it waits for the semi-annual submission', () => {
    const notice = renderNotice('case_filed', facts);
    expect(notice.subject).toBe('Case #7 filed: Footbridge');
    expect(notice.text).toContain('June 26 or December 26');
    expect(notice.alsoToDistrict).toBe(false);
  });

  it('marks urgent filings and copies the district', () => {
    const notice = renderNotice('case_filed', { ...facts, urgent: true });
    expect(notice.subject).toBe('[URGENT] Case #7 filed: Footbridge');
    expect(notice.text).toContain('District OD');
    expect(notice.alsoToDistrict).toBe(true);
  });

  it('announces a submission to the district', () => {
    expect(renderNotice('case_submitted', facts)).toMatchObject({ subject: 'Case #7 submitted to District OD: Footbridge', alsoToDistrict: true });
  });
});
