import * as l10n from '@vscode/l10n';
/** What an Azure error response says, in either of its two shapes. */
export interface AzureErrorBody {
    readonly code?: string;
    readonly message?: string;
}

/** ARM wraps errors in `{"error": {...}}`; AKS's own errors are top-level `{"code","message",...}`. */
export function readAzureErrorBody(body: unknown): AzureErrorBody | undefined {
    let value = body;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    if (!value || typeof value !== 'object') {
        return undefined;
    }
    const inner = (value as { error?: unknown }).error;
    const shape = (inner && typeof inner === 'object' ? inner : value) as Record<string, unknown>;
    return typeof shape.message === 'string' || typeof shape.code === 'string'
        ? {
              code: typeof shape.code === 'string' ? shape.code : undefined,
              message: typeof shape.message === 'string' ? shape.message : undefined,
          }
        : undefined;
}

/**
 * The SDK's pager replaces Azure's message with "Pagination failed with unexpected statusCode …": put the
 * service's own code and message back, so the user reads what Azure said.
 */
export function withAzureMessage(error: unknown, body: unknown): unknown {
    const said = readAzureErrorBody(body);
    if (said?.message && error instanceof Error) {
        error.message = said.message;
        const coded = error as Error & { code?: string };
        coded.code ??= said.code;
    }
    return error;
}

/** An Azure error answered to a request the product sent without a typed SDK operation; `retryAfterMs`: how long Azure asked to wait. */
export class AzureRequestError extends Error {
    readonly code?: string;

    constructor(
        readonly statusCode: number,
        body: unknown,
        readonly requestId?: string,
        readonly retryAfterMs?: number,
    ) {
        const said = readAzureErrorBody(body);
        super(said?.message ?? l10n.t('Azure answered {0}.', statusCode));
        this.name = 'AzureRequestError';
        this.code = said?.code;
    }
}

/**
 * Azure refused a write because the resource is not as the product last read it (412 PreconditionFailed): a
 * create whose name was taken meanwhile, or an update of a resource someone changed since the read the person
 * confirmed. Nothing was changed.
 */
export class ResourceChangedError extends Error {
    readonly code = 'PreconditionFailed';
    readonly statusCode = 412;

    /**
     * `changes`: what differs from the read the person confirmed ("field: before → after"), when the change was
     * found by reading again (Azure gave that resource no eTag to send).
     */
    constructor(
        readonly resourceId: string,
        readonly reason: 'exists' | 'changed',
        options?: ErrorOptions & { readonly changes?: string },
    ) {
        super(
            reason === 'exists'
                ? l10n.t('{0} was created meanwhile by someone else; nothing was changed.', resourceId)
                : options?.changes
                  ? l10n.t('{0} changed since it was read ({1}); nothing was changed.', resourceId, options.changes)
                  : l10n.t('{0} changed since it was read; nothing was changed.', resourceId),
            options,
        );
        this.name = 'ResourceChangedError';
        this.changes = options?.changes;
    }

    readonly changes?: string;
}

/**
 * A write's answer was lost (connection dropped, timeout, or a 5xx) after it may have reached Azure: whether it
 * was applied is unknown until the resource is read again. It is never sent a second time.
 */
export class LostAnswerError extends Error {
    readonly code = 'AnswerLost';

    constructor(
        readonly resourceId: string,
        readonly cause: unknown,
    ) {
        super(
            l10n.t('The answer to a change of {0} was lost ({1}); Azure may or may not have applied it.', resourceId, describeCause(cause)),
        );
        this.name = 'LostAnswerError';
    }
}

/** A long operation Azure accepted ended `Failed` or `Canceled` in Azure (not the person's own cancel). */
export class OperationEndedError extends Error {
    constructor(
        readonly resourceId: string,
        readonly status: 'Failed' | 'Canceled',
        readonly code: string | undefined,
        message: string,
    ) {
        super(message);
        this.name = 'OperationEndedError';
    }
}

/**
 * Azure's `x-ms-request-id` of the answer an error came from (the SDK's errors carry the answer; the product's
 * own errors carry it, or the error they came from), or undefined when no answer came.
 */
export function requestIdOf(error: unknown): string | undefined {
    let e: unknown = error;
    for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const own = (e as { requestId?: unknown }).requestId;
        if (typeof own === 'string' && own) {
            return own;
        }
        const headers = (e as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
        const answered = typeof headers?.get === 'function' ? headers.get('x-ms-request-id') : undefined;
        if (answered) {
            return answered;
        }
        e = (e as { cause?: unknown }).cause;
    }
    return undefined;
}

function describeCause(cause: unknown): string {
    const error = cause as { statusCode?: number; code?: string; name?: string } | undefined;
    if (error?.statusCode) {
        return `HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''}`;
    }
    return error?.code ?? error?.name ?? 'no answer';
}
