import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Where this process's spans go: the resource that names the process, and the processor every span
 * ends in (the API's and the activities' through the global tracer provider, the workflows' through
 * the worker's `exporter` sink, see worker.ts).
 */
export type Tracing = {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Sends what is still buffered; call before the process ends. */
  shutdown(): Promise<void>;
};

/** No exporter configured: spans are still made (the workflows' interceptors are in their bundle) but go nowhere. */
export const tracingOff = (service: string): Tracing => ({
  resource: new Resource({ 'service.name': service }),
  spanProcessor: new NoopSpanProcessor(),
  shutdown: async () => {},
});

let started: Tracing | undefined;

/**
 * Starts OpenTelemetry tracing for this process: spans go to the OTLP/HTTP endpoint configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `/v1/traces` under it, in batches), or to the processor given (a
 * test's in-memory exporter). The provider becomes the process's global one, with the context kept
 * across awaits (AsyncLocalStorage) and W3C `traceparent` propagation, so a span started for a
 * request is the parent of the Temporal calls made while serving it. Once per process: a second
 * call answers the first's.
 */
export function startTracing(service: string, options: { otlpEndpoint?: string; spanProcessor?: SpanProcessor }): Tracing {
  if (started) return started;
  const spanProcessor =
    options.spanProcessor ??
    (options.otlpEndpoint ? new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) })) : undefined);
  if (!spanProcessor) return tracingOff(service);
  const resource = new Resource({ 'service.name': service, 'service.namespace': 'linkage-ledger' });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  started = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return started;
}

/** OTLP's rule for the signal-less endpoint variable: traces are posted to `<endpoint>/v1/traces`. */
export const tracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/v1/traces`;
