import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** One request the product sent to Azure Resource Manager, as support needs it: never a query, a header value or a body. */
export interface AzureRequestRecord {
    readonly method: string;
    /** The URL's path only: queries (skip tokens, filters) stay out. */
    readonly path: string;
    /** Absent when no answer came (a dropped connection, a timeout). */
    readonly status?: number;
    readonly durationMs: number;
    /** ARM's `x-ms-request-id` and `x-ms-correlation-request-id`: what Azure support looks a request up by. */
    readonly requestId?: string;
    readonly correlationId?: string;
    /** Why no answer came, by error code or name. */
    readonly failure?: string;
}

/** How many of the latest requests are kept for a report. */
const KEPT = 20;
const latest: AzureRequestRecord[] = [];
const listeners = new Set<(record: AzureRequestRecord) => void>();

/** Hears every request sent to ARM from now on; returns what stops it. */
export function onAzureRequest(listener: (record: AzureRequestRecord) => void): { dispose(): void } {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
}

/** The latest requests sent to ARM, oldest first. */
export function latestAzureRequests(): readonly AzureRequestRecord[] {
    return [...latest];
}

/** One line of the log: `GET /subscriptions/…/managedClusters 200 84 ms request-id … correlation-id …`. */
export function formatAzureRequest(r: AzureRequestRecord): string {
    return [
        r.method,
        r.path,
        r.status ?? r.failure ?? 'no answer',
        `${Math.round(r.durationMs)} ms`,
        ...(r.requestId ? [`x-ms-request-id ${r.requestId}`] : []),
        ...(r.correlationId ? [`x-ms-correlation-request-id ${r.correlationId}`] : []),
    ].join(' ');
}

function record(r: AzureRequestRecord): void {
    latest.push(r);
    latest.splice(0, Math.max(0, latest.length - KEPT));
    for (const listener of listeners) {
        listener(r);
    }
}

/** Records every attempt (it runs after the retries, so each retry is its own line). */
export function requestLogPolicy(): PipelinePolicy {
    return {
        name: 'aksSnapshotsRequestLog',
        sendRequest: async (request, next) => {
            const started = performance.now();
            const { pathname } = new URL(request.url);
            try {
                const response = await next(request);
                record({
                    method: request.method,
                    path: pathname,
                    status: response.status,
                    durationMs: performance.now() - started,
                    requestId: response.headers.get('x-ms-request-id'),
                    correlationId: response.headers.get('x-ms-correlation-request-id'),
                });
                return response;
            } catch (error) {
                const e = error as { code?: string; name?: string; response?: { status?: number } };
                record({
                    method: request.method,
                    path: pathname,
                    status: e.response?.status,
                    durationMs: performance.now() - started,
                    failure: e.code ?? e.name,
                });
                throw error;
            }
        },
    };
}
