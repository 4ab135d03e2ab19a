import type { RequestTwist } from './http';

/**
 * Faults a test asks for, the ones production has: each matches requests by method and path and changes how
 * the emulator answers the next `times` of them (every one when `times` is absent).
 */
export type FaultAction =
    /** Answer `status`, `body`, `headers` instead of handling the request: nothing changes. */
    | 'reply'
    /** The long operation this write starts ends `Failed` with `error`; the resource's provisioningState becomes Failed. */
    | 'failOperation'
    /** The long operation this write starts ends `Canceled` (as when AKS or another client cancels it). */
    | 'cancelOperation'
    /** The write is applied, then the connection is reset: the answer is lost after the state changed. */
    | 'resetAfterApply'
    /** The write is applied, then the answer is a 500 InternalServerError. */
    | 'errorAfterApply'
    /** The request is handled, and its answer sent only after `delayMs` (longer than a client waits). */
    | 'delay'
    /** Just before this request, someone else changes the resource it addresses (a scale or a tag): its eTag moves on. */
    | 'changedMeanwhile'
    /** Lists answer with a `nextLink` on `origin` (another host). */
    | 'foreignNextLink'
    /** Lists whose last page links back to the first, forever. */
    | 'loopingNextLink'
    /** Long operations answer with `Azure-AsyncOperation` and `Location` on `origin` (another host). */
    | 'foreignOperationUrl';

export interface Fault {
    readonly method?: string;
    /** Matched, case-insensitively, as a substring of the request path. */
    readonly pathContains: string;
    /** Default `reply`. */
    readonly action?: FaultAction;
    readonly status?: number;
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
    /** For `failOperation`: the operation's `error`. */
    readonly error?: { code: string; message: string };
    /** For `delay`. */
    readonly delayMs?: number;
    /** For the foreign actions: the origin links point at (default a host that never resolves). */
    readonly origin?: string;
    times?: number;
}

export const FOREIGN_ORIGIN = 'https://foreign-host.invalid';

/** The first fault that still applies to a request, counted as used. */
export function takeFault(faults: Fault[], method: string, pathname: string): Fault | undefined {
    const fault = faults.find(
        (f) =>
            (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
            pathname.toLowerCase().includes(f.pathContains.toLowerCase()) &&
            (f.times ?? 1) > 0,
    );
    if (fault?.times !== undefined) {
        fault.times--;
    }
    return fault;
}

/** How a fault bends the handler's own work (the other actions act around it, in the server). */
export function twistOf(fault: Fault | undefined): RequestTwist {
    switch (fault?.action) {
        case 'failOperation':
            return {
                operationEnd: {
                    status: 'Failed',
                    error: fault.error ?? { code: 'InternalOperationError', message: 'The operation failed inside the service.' },
                },
            };
        case 'cancelOperation':
            return {
                operationEnd: {
                    status: 'Canceled',
                    error: { code: 'OperationCanceled', message: 'The operation was canceled by another operation or by the service.' },
                },
            };
        case 'foreignNextLink':
            return { nextLinkOrigin: fault.origin ?? FOREIGN_ORIGIN };
        case 'loopingNextLink':
            return { nextLinkLoops: true };
        case 'foreignOperationUrl':
            return { operationOrigin: fault.origin ?? FOREIGN_ORIGIN };
        default:
            return {};
    }
}
