import { xmlDocument, type XmlValue } from '../../lib/xml.ts';
import type { ErrorFormat, SettledError } from '../error-handler.ts';
import type { RouteResult } from '../route.ts';
import type { GeoReportFormat } from './open311.schemas.ts';

/** Where GeoReport v2 is served. Errors under it are written in the spec's format (see `geoReportErrorFormat`). */
export const GEOREPORT_PREFIX = '/open311/v2';

/** The spec's list elements and the element of each of their items. */
const ITEM_NAMES = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
} as const;
type Root = keyof typeof ITEM_NAMES | 'service_definition';

const XML = 'text/xml; charset=utf-8';

/** An answer in the format the path's suffix asked for: the same value as JSON, or as the spec's XML. */
export function geoReportAnswer(format: GeoReportFormat, root: Root, value: unknown, status = 200): RouteResult {
  if (format === 'json') return { status, body: value };
  return { status, body: Buffer.from(xmlDocument(root, value as XmlValue, ITEM_NAMES)), headers: { 'Content-Type': XML } };
}

/** `query.start_date` -> `start_date`: the client's own name for the field. */
const clientName = (path: string) => path.replace(/^(query|body|params|headers)\./, '');

/** One spec error per offending field, else one for the whole; a fault of ours names the request id to quote. */
function geoReportErrorList(error: SettledError) {
  if (error.fields && error.fields.length > 0) {
    return error.fields.map((f) => ({ code: error.status, description: `${clientName(f.path)}: ${f.message}` }));
  }
  const quote = error.status >= 500 ? ` (request ${error.requestId})` : '';
  return [{ code: error.status, description: `${error.message}${quote}` }];
}

/** GeoReport v2 errors: `[{code, description}]` in JSON, `<errors><error>` in XML, by the path's suffix. */
export const geoReportErrorFormat: ErrorFormat = (error, req) => {
  const errors = geoReportErrorList(error);
  return /\.xml$/i.test(req.path)
    ? { contentType: XML, body: xmlDocument('errors', errors, ITEM_NAMES) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(errors) };
};

/** The spec's error answers, for the OpenAPI document. */
export const geoReportErrorResponses = <S>(schema: S) =>
  ({
    400: { description: 'Invalid input: one error per offending field', schema, mediaTypes: ['application/json', 'text/xml'] },
    403: { description: 'Invalid, revoked or missing api_key', schema, mediaTypes: ['application/json', 'text/xml'] },
    404: {
      description: 'Unknown service_code, service_request_id or jurisdiction_id, or outside the api_key’s scope',
      schema,
      mediaTypes: ['application/json', 'text/xml'],
    },
    503: { description: 'The database or Temporal is unreachable; send it again', schema, mediaTypes: ['application/json', 'text/xml'] },
  }) as const;
