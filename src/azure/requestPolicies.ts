import * as l10n from '@vscode/l10n';
import type { Pipeline, PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { azureClockPolicy } from './azureClock';
import { requestLogPolicy } from './requestLog';

/**
 * What every request to Azure goes through (docs/architecture.md): only the configured ARM origin receives it (and with
 * it the token), every request has a timeout, and only reads are retried, never longer than a ceiling.
 */

export interface RequestLimits {
    /** How long one request may take before it is given up (ms). */
    readonly timeoutMs: number;
    /** How often a read is tried again after a 5xx or a dropped connection. */
    readonly readRetries: number;
    /** How often a read is tried again after 429 (AKS throttles as a matter of course; each try waits its `Retry-After`). */
    readonly throttledRetries: number;
    /** The longest `Retry-After` a read waits for; a longer one ends the read with Azure's answer. */
    readonly maxRetryAfterSeconds: number;
    /** The first back-off when Azure names none (ms); it doubles on each try. */
    readonly retryDelayMs: number;
}

/** Lists longer than this many pages are refused: a looping or endless `nextLink` ends there. */
export const MAX_PAGES = 1000;

/**
 * How many requests to Azure may be in flight at once by default, across subscriptions and flows. In VS Code's
 * extension host each new connection costs VS Code's CA certificates (about 20 ms of CPU), and a burst of requests
 * opens a connection for each: `npm run bench` loads 50 subscriptions there in about 1.5 s at 16 against 3.4 s at 64
 * (in plain Node, without that cost, 64 is a little faster). 500 subscriptions send 16 at a time instead of about a
 * thousand.
 */
export const DEFAULT_REQUESTS_IN_FLIGHT = 16;

/**
 * The one bound on requests in flight for the whole window: a request waits for a place before it is sent (after
 * its retry waits and poll pacing, so a waiting request holds none) and gives it back with its answer.
 */
class InFlightGate {
    capacity = DEFAULT_REQUESTS_IN_FLIGHT;
    active = 0;
    /** The most in flight at once since `requestsInFlight(true)` (the bench reads it). */
    peak = 0;
    private readonly waiting: (() => void)[] = [];

    /** Takes a place, waiting for one when all are taken (a place given up is handed straight to the next in line). */
    async enter(signal: PipelineRequest['abortSignal']): Promise<void> {
        if (this.active < this.capacity && this.waiting.length === 0) {
            this.take();
            return;
        }
        await new Promise<void>((resolve, reject) => {
            const turn = (): void => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            const onAbort = (): void => {
                this.waiting.splice(this.waiting.indexOf(turn), 1);
                reject(abortError());
            };
            this.waiting.push(turn);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }

    leave(): void {
        this.active--;
        this.admit();
    }

    /** Hands free places to those waiting, in order; each counts as taken before its request resumes. */
    admit(): void {
        while (this.active < this.capacity && this.waiting.length > 0) {
            this.take();
            this.waiting.shift()?.();
        }
    }

    private take(): void {
        this.active++;
        this.peak = Math.max(this.peak, this.active);
    }
}

const inFlight = new InFlightGate();

/** Sets the bound on requests in flight (`aksSnapshots.maxRequestsInFlight`); unset or invalid: the default. */
export function setRequestsInFlight(limit: number | undefined): void {
    inFlight.capacity = limit && limit >= 1 ? Math.floor(limit) : DEFAULT_REQUESTS_IN_FLIGHT;
    inFlight.admit();
}

/** How many requests are in flight now, the most at once since the last `resetPeak`, and the bound. */
export function requestsInFlight(resetPeak = false): { active: number; peak: number; capacity: number } {
    const seen = { active: inFlight.active, peak: inFlight.peak, capacity: inFlight.capacity };
    if (resetPeak) {
        inFlight.peak = inFlight.active;
    }
    return seen;
}

function inFlightPolicy(): PipelinePolicy {
    return {
        name: 'aksSnapshotsInFlight',
        sendRequest: async (request, next) => {
            await inFlight.enter(request.abortSignal);
            try {
                return await next(request);
            } finally {
                inFlight.leave();
            }
        },
    };
}

export const DEFAULT_LIMITS: RequestLimits = {
    timeoutMs: 60_000,
    readRetries: 3,
    throttledRetries: 10,
    maxRetryAfterSeconds: 60,
    retryDelayMs: 800,
};

/** A request to a host other than the configured Azure Resource Manager was refused, not sent. */
export class ForeignHostError extends Error {
    readonly code = 'ForeignHostRefused';

    constructor(
        readonly host: string,
        readonly armHost: string,
    ) {
        super(
            l10n.t(
                'Refused to follow a link to {0}: only {1}, the configured Azure Resource Manager, receives your requests and token.',
                host,
                armHost,
            ),
        );
        this.name = 'ForeignHostError';
    }
}

/** A list that loops, never ends, or links to another host stopped being read. */
export class PagingStopped extends Error {}

/**
 * The one check every list makes before asking for its next page: the link stays on ARM's origin (else
 * ForeignHostError, nothing sent), it was not read already, and the list is under `MAX_PAGES`.
 */
export class PageGuard {
    private readonly seen = new Set<string>();
    private readonly arm: URL;

    constructor(
        private readonly what: string,
        resourceManagerEndpointUrl: string,
    ) {
        this.arm = new URL(resourceManagerEndpointUrl);
    }

    /** The next page's URL, once it passed. */
    next(nextLink: string): URL {
        const next = new URL(nextLink);
        if (next.origin !== this.arm.origin) {
            throw new ForeignHostError(next.host, this.arm.host);
        }
        if (this.seen.has(nextLink)) {
            throw new PagingStopped(
                l10n.t("Azure's list of {0} links back to a page already read ({1}); stopped reading it.", this.what, next.pathname),
            );
        }
        this.seen.add(nextLink);
        if (this.seen.size >= MAX_PAGES) {
            throw new PagingStopped(l10n.t("Azure's list of {0} goes on past {1} pages; stopped reading it.", this.what, MAX_PAGES));
        }
        return next;
    }
}

const READS = ['GET', 'HEAD'];

export function isRead(method: string): boolean {
    return READS.includes(method.toUpperCase());
}

/**
 * Refuses, before anything is sent, any request whose origin is not ARM's: a `nextLink`, `Azure-AsyncOperation` or `Location` elsewhere.
 */
export function armOriginPolicy(resourceManagerEndpointUrl: string): PipelinePolicy {
    const arm = new URL(resourceManagerEndpointUrl);
    return {
        name: 'aksSnapshotsArmOrigin',
        sendRequest: (request, next) => {
            const target = new URL(request.url);
            if (target.origin !== arm.origin) {
                throw new ForeignHostError(target.host, arm.host);
            }
            return next(request);
        },
    };
}

function timeoutPolicy(timeoutMs: number): PipelinePolicy {
    return {
        name: 'aksSnapshotsTimeout',
        sendRequest: (request, next) => {
            request.timeout = request.timeout > 0 ? Math.min(request.timeout, timeoutMs) : timeoutMs;
            return next(request);
        },
    };
}

/**
 * Retries reads only: a write is sent once (a retried PUT whose first answer was lost would be sent twice). A
 * read is tried again on 429, 5xx (not 501/505) or a dropped connection, after Azure's `Retry-After` (at most
 * the ceiling) or an exponential back-off, and never once the person cancelled.
 */
function readRetryPolicy(limits: RequestLimits): PipelinePolicy {
    return {
        name: 'aksSnapshotsReadRetry',
        sendRequest: async (request, next) => {
            if (!isRead(request.method)) {
                return next(request);
            }
            for (let attempt = 0; ; attempt++) {
                let response: PipelineResponse | undefined;
                try {
                    response = await next(request);
                } catch (error) {
                    if (attempt >= limits.readRetries || request.abortSignal?.aborted || !isDroppedConnection(error, request)) {
                        throw error;
                    }
                }
                if (response && !isRetryableStatus(response.status)) {
                    return response;
                }
                const retryAfter = response ? retryAfterMs((name) => response.headers.get(name)) : undefined;
                const tries = response?.status === 429 ? limits.throttledRetries : limits.readRetries;
                if (response && (attempt >= tries || (retryAfter !== undefined && retryAfter > limits.maxRetryAfterSeconds * 1000))) {
                    return response;
                }
                await delay(retryAfter ?? Math.min(limits.retryDelayMs * 2 ** attempt, 30_000), request);
            }
        },
    };
}

function isRetryableStatus(status: number): boolean {
    return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** A connection that failed or a request that timed out (an abort the person did not ask for). */
function isDroppedConnection(error: unknown, request: PipelineRequest): boolean {
    const code = (error as { code?: string } | undefined)?.code ?? '';
    const name = (error as Error | undefined)?.name;
    return (
        ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'REQUEST_SEND_ERROR'].includes(code) ||
        // The same, as `fetch` names them (a socket the server closed, a connection that never came).
        ['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT'].includes(code) ||
        name === 'TimeoutError' ||
        (name === 'AbortError' && !request.abortSignal?.aborted)
    );
}

/** How long an answer asks to wait (`retry-after-ms`, `x-ms-retry-after-ms` or `Retry-After` in seconds or as a date), in ms. */
export function retryAfterMs(headerOf: (name: string) => string | undefined): number | undefined {
    const header = headerOf('retry-after-ms') ?? headerOf('x-ms-retry-after-ms');
    if (header && Number.isFinite(Number(header))) {
        return Number(header);
    }
    const retryAfter = headerOf('retry-after');
    if (!retryAfter) {
        return undefined;
    }
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) {
        return seconds * 1000;
    }
    const date = Date.parse(retryAfter);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function delay(ms: number, request: PipelineRequest): Promise<void> {
    return new Promise((resolve, reject) => {
        const signal = request.abortSignal;
        if (signal?.aborted) {
            reject(abortError());
            return;
        }
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(abortError());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

function abortError(): Error {
    const error = new Error('The operation was aborted.');
    error.name = 'AbortError';
    return error;
}

/**
 * Puts the product's policies into an SDK client's pipeline in place of the SDK's own retries. The origin check
 * runs last, after redirects and retries, so that no hop leaves for another host.
 */
/**
 * AKS answers at most 2 operation status requests per second per subscription ("AKS throttling"). Every status
 * or result poll of a long operation, from every flow and roll-out in this window, takes a slot per subscription.
 * A slot's time is when its answer came back (the poll reached AKS before that), so a poll goes only once the poll two
 * before it has been answered and a spacing has passed since: however late a request leaves or travels, AKS never
 * sees more than two in a second.
 */
export const POLLS_PER_SECOND = 2;
/** A margin over a second. */
const POLL_SPACING_MS = 1250;
/** How long a poll waits for the answer of the poll two before it (a hung one ends at the request timeout anyway). */
const MAX_WAIT_FOR_ANSWER_MS = 10_000;

interface PollSlot {
    /** When it was sent, then when its answer came back. */
    time: number;
    readonly answered: Promise<void>;
}

/** Per subscription: the last polls sent, and the queue of polls waiting for their turn. */
const pollSlots = new Map<string, PollSlot[]>();
const pollQueues = new Map<string, Promise<void>>();

function isOperationPoll(url: URL): string | undefined {
    const match =
        /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/locations\/[^/]+\/(operations|operationresults)\//i.exec(
            url.pathname,
        );
    return match?.[1].toLowerCase();
}

/** Waits for the request's poll slot in its subscription, in turn; other requests pass at once. */
export function operationPollPolicy(): PipelinePolicy {
    return {
        name: 'aksSnapshotsPollPacing',
        sendRequest: async (request, next) => {
            const subscription = request.method === 'GET' ? isOperationPoll(new URL(request.url)) : undefined;
            if (!subscription) {
                return next(request);
            }
            let answer = (): void => undefined;
            const slot: PollSlot = { time: 0, answered: new Promise<void>((resolve) => (answer = resolve)) };
            const turn = (pollQueues.get(subscription) ?? Promise.resolve()).then(async () => {
                const slots = pollSlots.get(subscription) ?? [];
                const twoBefore = slots.length >= POLLS_PER_SECOND ? slots[slots.length - POLLS_PER_SECOND] : undefined;
                if (twoBefore) {
                    await new Promise<void>((resolve) => {
                        const timer = setTimeout(resolve, MAX_WAIT_FOR_ANSWER_MS);
                        void twoBefore.answered.then(() => {
                            clearTimeout(timer);
                            resolve();
                        });
                    });
                    const wait = twoBefore.time + POLL_SPACING_MS - Date.now();
                    if (wait > 0) {
                        await delay(wait, request);
                    }
                }
                slot.time = Date.now();
                pollSlots.set(subscription, [...slots.slice(-(POLLS_PER_SECOND - 1)), slot]);
            });
            pollQueues.set(
                subscription,
                turn.catch(() => undefined),
            );
            try {
                await turn;
                return await next(request);
            } finally {
                slot.time = Math.max(slot.time, Date.now());
                answer();
            }
        },
    };
}

export function secureArmPipeline(pipeline: Pipeline, resourceManagerEndpointUrl: string, limits: RequestLimits = DEFAULT_LIMITS): void {
    pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    pipeline.removePolicy({ name: 'exponentialRetryPolicy' });
    pipeline.removePolicy({ name: 'throttlingRetryPolicy' });
    pipeline.removePolicy({ name: 'systemErrorRetryPolicy' });
    pipeline.addPolicy(readRetryPolicy(limits), { phase: 'Retry' });
    pipeline.addPolicy(inFlightPolicy(), { afterPhase: 'Retry' });
    pipeline.addPolicy(operationPollPolicy());
    pipeline.addPolicy(requestLogPolicy(), { afterPhase: 'Retry' });
    pipeline.addPolicy(azureClockPolicy(), { afterPhase: 'Retry' });
    pipeline.addPolicy(timeoutPolicy(limits.timeoutMs));
    pipeline.addPolicy(armOriginPolicy(resourceManagerEndpointUrl), {
        afterPolicies: ['redirectPolicy', 'logPolicy', 'aksSnapshotsTimeout'],
    });
}
