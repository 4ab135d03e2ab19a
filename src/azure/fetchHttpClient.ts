import type { HttpClient, HttpHeaders, PipelineRequest, PipelineResponse, RawHttpHeadersInput } from '@azure/core-rest-pipeline';

/**
 * The reads' HTTP client: the platform's `fetch`. In VS Code's extension host that is VS Code's own (its proxy
 * settings and the system's certificates), and it keeps its connections and reuses them. Node's `https` there goes
 * through VS Code's per-request proxy agent without keep-alive: every request opens a new TLS connection and VS Code
 * adds each of the system's certificates to it (`npm run bench`: about 20 ms of CPU a request, 4.3 s of a
 * 50-subscription tree). The pipeline above it is unchanged: token, ARM's origin only, redirects it judges (this
 * client follows none), timeouts, read retries, the bound on requests in flight.
 *
 * Only for reads without a streamed body (`ArmReader`); writes and long operations keep the SDK's client.
 */
export function fetchHttpClient(headersOf: (raw: RawHttpHeadersInput) => HttpHeaders): HttpClient {
    return {
        async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
            if (request.abortSignal?.aborted) {
                throw abortError('The operation was aborted. Request has already been canceled.');
            }
            // The pipeline's timeout and the person's cancel end the request alike; only a timeout may be retried.
            const controller = new AbortController();
            let timedOut = false;
            const timer =
                request.timeout > 0
                    ? setTimeout(() => {
                          timedOut = true;
                          controller.abort();
                      }, request.timeout)
                    : undefined;
            const cancel = (): void => controller.abort();
            request.abortSignal?.addEventListener('abort', cancel, { once: true });
            try {
                const answer = await fetch(request.url, {
                    method: request.method,
                    headers: request.headers.toJSON({ preserveCase: true }),
                    body: typeof request.body === 'string' ? request.body : undefined,
                    redirect: 'manual',
                    signal: controller.signal,
                });
                const bodyAsText = request.method === 'HEAD' ? '' : await answer.text();
                return { request, status: answer.status, headers: headersOf(Object.fromEntries(answer.headers)), bodyAsText };
            } catch (error) {
                if (!controller.signal.aborted) {
                    throw sendError(error);
                }
                throw abortError(
                    timedOut
                        ? `The request took longer than ${request.timeout} ms and was given up.`
                        : 'The operation was aborted. Rejecting from abort signal callback while making request.',
                );
            } finally {
                clearTimeout(timer);
                request.abortSignal?.removeEventListener('abort', cancel);
            }
        },
    };
}

function abortError(message: string): Error {
    const error = new Error(message);
    error.name = 'AbortError';
    return error;
}

/**
 * `fetch` rejects with "fetch failed" and the reason in `cause` (a refused connection, a certificate, a socket the
 * server closed): the error says the reason, with its code, as the SDK's client does (`REQUEST_SEND_ERROR` when none).
 */
function sendError(error: unknown): Error {
    const cause = (error as { cause?: { message?: string; code?: string } } | undefined)?.cause;
    const message = cause?.message ?? (error as Error | undefined)?.message ?? String(error);
    return Object.assign(new Error(message), { name: 'RestError', code: cause?.code ?? 'REQUEST_SEND_ERROR' });
}
