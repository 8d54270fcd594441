import { authenticateApiKey, visibleToKey } from '../../domain/open311/api-keys.ts';
import { postServiceRequest } from '../../domain/open311/post-request.ts';
import { checkJurisdiction, findRequest, findRequests, type Open311Reader } from '../../domain/open311/requests.ts';
import { listServices, serviceDefinition } from '../../domain/open311/services.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../route.ts';
import { GEOREPORT_PREFIX, geoReportAnswer, geoReportErrorResponses } from './geo-report.ts';
import {
  formatParams,
  geoReportErrors,
  postRequestForm,
  postRequestHeaders,
  postedRequestList,
  requestParams,
  requestQuery,
  requestsQuery,
  serviceDefinitionView,
  serviceList,
  serviceParams,
  servicesQuery,
  serviceRequestList,
} from './open311.schemas.ts';

const BOTH = ['application/json', 'text/xml'] as const;
const errors = geoReportErrorResponses(geoReportErrors);

const settingsOf = (deps: AppDeps) => ({
  publicReads: deps.config.open311.publicReads,
  jurisdictionId: deps.config.open311.jurisdictionId,
  language: deps.config.district.language,
});

/** A reader with an api_key is held to it (403 when it is invalid); without one, the district's setting decides. */
async function readerOf(deps: AppDeps, apiKey: string | undefined): Promise<Open311Reader> {
  if (apiKey === undefined) return {};
  return { key: { visible: visibleToKey(await authenticateApiKey(deps.prisma, apiKey)) } };
}

/**
 * Open311 GeoReport v2 under /open311/v2: services and requests as JSON or XML (the path's suffix),
 * errors as the spec writes them. Services are public; who reads requests is the district's choice
 * (OPEN311_PUBLIC_READS); posting needs an api_key.
 */
export const geoReportRoutes = [
  defineRoute({
    method: 'get',
    path: `${GEOREPORT_PREFIX}/services.:format`,
    operationId: 'listOpen311Services',
    tag: 'open311',
    summary:
      'GeoReport v2 service list: every kind of case in every category of the catalogue, with its code. Public, since it names no case.',
    authenticated: false,
    schemas: { params: formatParams, query: servicesQuery },
    responses: { 200: { description: 'The services', schema: serviceList, mediaTypes: BOTH }, ...errors },
    handler: async ({ params, query, deps }) => {
      checkJurisdiction(deps.config.open311, query.jurisdiction_id);
      return geoReportAnswer(params.format, 'services', listServices(deps.config.district.language));
    },
  }),
  defineRoute({
    method: 'get',
    path: `${GEOREPORT_PREFIX}/services/:service_code.:format`,
    operationId: 'getOpen311ServiceDefinition',
    tag: 'open311',
    summary:
      'GeoReport v2 service definition: the attributes a request of the service carries (the Annex 3 fields GeoReport has no field for). Public.',
    authenticated: false,
    schemas: { params: serviceParams, query: servicesQuery },
    responses: { 200: { description: 'The definition', schema: serviceDefinitionView, mediaTypes: BOTH }, ...errors },
    handler: async ({ params, query, deps }) => {
      checkJurisdiction(deps.config.open311, query.jurisdiction_id);
      return geoReportAnswer(params.format, 'service_definition', serviceDefinition(params.service_code, deps.config.district.language));
    },
  }),
  defineRoute({
    method: 'get',
    path: `${GEOREPORT_PREFIX}/requests.:format`,
    operationId: 'listOpen311Requests',
    tag: 'open311',
    summary:
      'GeoReport v2 requests: the cases filed in a range (the latest 90 days by default, at most 90), newest first, at most 1000, by ids, service codes and status (open or closed). Public when the district says so (the spec’s fields only, nothing personal); else with an api_key, scoped to what its unit may see.',
    authenticated: false,
    schemas: { params: formatParams, query: requestsQuery },
    responses: { 200: { description: 'The requests', schema: serviceRequestList, mediaTypes: BOTH }, ...errors },
    handler: async ({ params, query, deps }) => {
      const settings = settingsOf(deps);
      checkJurisdiction(settings, query.jurisdiction_id);
      const requests = await findRequests(deps, settings, await readerOf(deps, query.api_key), {
        ids: query.service_request_id,
        serviceCodes: query.service_code,
        start: query.start_date,
        end: query.end_date,
        statuses: query.status,
      });
      return geoReportAnswer(params.format, 'service_requests', requests);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${GEOREPORT_PREFIX}/requests/:service_request_id.:format`,
    operationId: 'getOpen311Request',
    tag: 'open311',
    summary: 'GeoReport v2 request: one case, as a list of one. Who may read it as for the list; another unit’s case is not found.',
    authenticated: false,
    schemas: { params: requestParams, query: requestQuery },
    responses: { 200: { description: 'The request', schema: serviceRequestList, mediaTypes: BOTH }, ...errors },
    handler: async ({ params, query, deps }) => {
      const settings = settingsOf(deps);
      checkJurisdiction(settings, query.jurisdiction_id);
      const request = await findRequest(deps, settings, await readerOf(deps, query.api_key), params.service_request_id);
      return geoReportAnswer(params.format, 'service_requests', request);
    },
  }),
  defineRoute({
    method: 'post',
    path: `${GEOREPORT_PREFIX}/requests.:format`,
    operationId: 'postOpen311Request',
    tag: 'open311',
    summary:
      'GeoReport v2 new request (a form, with an api_key): filed as a case of the key’s unit through the same filing as POST /cases. The same form sent again (or the same Idempotency-Key) answers the same service_request_id.',
    authenticated: false,
    formBody: true,
    schemas: { params: formatParams, body: postRequestForm, headers: postRequestHeaders },
    responses: {
      201: { description: 'Filed', schema: postedRequestList, mediaTypes: BOTH },
      200: { description: 'Already filed: the same request again', schema: postedRequestList, mediaTypes: BOTH },
      ...errors,
      409: { description: 'The Idempotency-Key was used for another request', schema: geoReportErrors, mediaTypes: BOTH },
    },
    handler: async ({ params, body, headers, deps }) => {
      const posted = await postServiceRequest(
        {
          prisma: deps.prisma,
          temporal: deps.temporal,
          clock: deps.clock,
          storage: deps.storage,
          policy: deps.config.deadlines,
          callDeadlineMs: deps.config.temporal.callDeadlineMs,
          bounds: deps.config.district.bounds,
          media: { ...deps.config.open311.media, maxBytes: deps.config.attachments.maxBytes },
        },
        settingsOf(deps),
        body,
        headers['idempotency-key'],
      );
      return geoReportAnswer(params.format, 'service_requests', posted.requests, posted.created ? 201 : 200);
    },
  }),
];
