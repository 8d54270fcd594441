import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { geoReportErrorFormat } from '../../../api/open311/geo-report.ts';

const at = (path: string) => ({ path }) as Request;

describe('GeoReport v2 errors', () => {
  it('writes one error per offending field, by the client’s own field name, in JSON', () => {
    const written = geoReportErrorFormat(
      {
        status: 400,
        code: 'validation_failed',
        message: 'invalid query',
        requestId: 'r1',
        fields: [
          { path: 'query.start_date', message: 'Invalid ISO datetime' },
          { path: 'body.attribute[title]', message: 'too short' },
        ],
      },
      at('/open311/v2/requests.json'),
    );
    expect(written.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(written.body)).toEqual([
      { code: 400, description: 'start_date: Invalid ISO datetime' },
      { code: 400, description: 'attribute[title]: too short' },
    ]);
  });

  it('writes the spec’s XML for an .xml path, and names the request id of a fault of ours', () => {
    const written = geoReportErrorFormat(
      { status: 500, code: 'internal', message: 'internal error', requestId: 'req-9' },
      at('/open311/v2/requests/abc.xml'),
    );
    expect(written.contentType).toBe('text/xml; charset=utf-8');
    expect(written.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>500</code><description>internal error (request req-9)</description></error></errors>',
    );
  });
});
