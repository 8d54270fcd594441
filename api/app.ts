import express, { type Express } from 'express';
import { DomainError } from '../lib/errors.ts';
import { adminRoutes } from './system/mailbox.ts';
import { appendixRoutes } from './leaders/appendices.ts';
import { attachmentRoutes } from './cases/attachments.ts';
import { authRoutes, authenticateRequest } from './auth/auth.ts';
import { accessLogRoutes } from './auth/access-log.ts';
import { calendarRoutes } from './calendar/calendar.ts';
import { claimRoutes } from './leaders/claims.ts';
import { caseActionRoutes } from './cases/case-actions.ts';
import { caseRoutes } from './cases/cases.ts';
import { savedViewRoutes } from './cases/saved-views.ts';
import { stockReplyRoutes } from './cases/stock-replies.ts';
import { bellRoutes } from './cases/bell.ts';
import { bulkStepRoutes } from './bulk/bulk-steps.ts';
import { cycleAppendixRoutes } from './leaders/appendix-submissions.ts';
import { cycleRoutes } from './cycle/cycles.ts';
import { exportRoutes } from './exports/exports.ts';
import { statisticsRoutes } from './statistics/statistics.ts';
import { directoryRoutes } from './directory/directory.ts';
import { lookAlikeRoutes } from './cases/look-alikes.ts';
import { settingsRoutes } from './system/settings.ts';
import { mountWebUi } from './web-ui.ts';
import path from 'node:path';
import type { AppDeps } from './deps.ts';
import { errorHandler, useErrorFormat } from './error-handler.ts';
import { apiKeyRoutes } from './open311/api-keys.ts';
import { GEOREPORT_PREFIX, geoReportErrorFormat } from './open311/geo-report.ts';
import { geoReportRoutes } from './open311/georeport-routes.ts';
import { webhookRoutes } from './webhooks/webhooks.ts';
import { healthRoutes } from './system/health.ts';
import { metricsRoutes } from './system/metrics.ts';
import { labelRoute, recordHttpMetrics } from './http-metrics.ts';
import { requestIdOf, requestLogging } from './request-log.ts';
import { traceRequests } from './request-trace.ts';
import { partyFundRoutes } from './party/funds.ts';
import { partyMemberRoutes } from './party/members.ts';
import { partyRoundRoutes } from './party/rounds.ts';
import { leaderActivityRoutes } from './leaders/activities.ts';
import { leaderRoutes } from './leaders/leaders.ts';
import { buildOpenApi } from './openapi.ts';
import { authenticateRoute, defineRoute, toExpressHandler, type RouteDefinition } from './route.ts';
import { securityHeaders } from './security-headers.ts';

let openApi: ReturnType<typeof buildOpenApi> | undefined;
const openApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tag: 'system',
  summary: 'This API as an OpenAPI 3.0 document, built from the same route declarations.',
  authenticated: false,
  schemas: {},
  responses: { 200: { description: 'The document' } },
  handler: async () => ({ status: 200, body: (openApi ??= buildOpenApi(routes)) }),
});

export const routes: readonly RouteDefinition[] = [
  ...healthRoutes,
  ...metricsRoutes,
  openApiRoute,
  ...authRoutes,
  ...accessLogRoutes,
  ...caseRoutes,
  ...lookAlikeRoutes,
  ...caseActionRoutes,
  ...attachmentRoutes,
  ...savedViewRoutes,
  ...stockReplyRoutes,
  ...bellRoutes,
  ...bulkStepRoutes,
  ...exportRoutes,
  ...statisticsRoutes,
  ...cycleRoutes,
  ...cycleAppendixRoutes,
  ...leaderRoutes,
  ...leaderActivityRoutes,
  ...claimRoutes,
  ...appendixRoutes,
  ...calendarRoutes,
  ...partyMemberRoutes,
  ...partyRoundRoutes,
  ...partyFundRoutes,
  ...adminRoutes,
  ...directoryRoutes,
  ...settingsRoutes,
  ...geoReportRoutes,
  ...apiKeyRoutes,
  ...webhookRoutes,
];

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The client's address (login throttling, the metrics' loopback rule) from X-Forwarded-For, but only as the named proxies say it.
  app.set('trust proxy', deps.config.http.trustProxy);
  app.use(recordHttpMetrics());

  app.use(requestLogging(deps.logger));
  app.use((req, res, next) => {
    res.locals.requestId = requestIdOf(req);
    next();
  });
  app.use(traceRequests());
  app.use(securityHeaders);
  // Compressed bodies are refused (415): they cost little to send and much to inflate.
  const jsonBody = express.json({ limit: '256kb', inflate: false });
  const rawFile = express.raw({ type: () => true, limit: deps.config.attachments.maxBytes, inflate: false });
  // Flat form fields only (`attribute[code]` stays one field's name): nothing nests, nothing is coerced.
  const formBody = express.urlencoded({ extended: false, limit: '64kb', inflate: false, parameterLimit: 100 });
  const bodyParser = (route: RouteDefinition) => (route.rawBody ? rawFile : route.formBody ? formBody : jsonBody);

  // GeoReport v2 answers its errors in its own format, unknown paths under it included.
  app.use(GEOREPORT_PREFIX, useErrorFormat(geoReportErrorFormat));

  const authenticate = authenticateRequest(deps);
  // Who is calling is settled before a byte of the body is read.
  for (const route of routes) {
    const before = route.authenticated ? [authenticateRoute(route, authenticate)] : [];
    app[route.method](route.path, labelRoute(route.path), ...before, bodyParser(route), toExpressHandler(route, deps));
  }

  mountWebUi(app, path.join(deps.config.projectRoot, 'web', 'dist'));

  app.use((req, _res, next) => next(new DomainError('not_found', { zh: '没有这个地址', en: `no route for ${req.method} ${req.path}` })));
  app.use(errorHandler(deps.logger));
  return app;
}
