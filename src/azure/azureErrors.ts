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
        ? { code: typeof shape.code === 'string' ? shape.code : undefined, message: typeof shape.message === 'string' ? shape.message : undefined }
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

/** An Azure error answered to a request the product sent without a typed SDK operation. */
export class AzureRequestError extends Error {
    readonly code?: string;

    constructor(readonly statusCode: number, body: unknown) {
        const said = readAzureErrorBody(body);
        super(said?.message ?? `Azure answered ${statusCode}.`);
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

    constructor(readonly resourceId: string, readonly reason: 'exists' | 'changed') {
        super(reason === 'exists'
            ? `${resourceId} was created meanwhile by someone else; nothing was changed.`
            : `${resourceId} changed since it was read; nothing was changed.`);
        this.name = 'ResourceChangedError';
    }
}

/**
 * A write's answer was lost (connection dropped, timeout, or a 5xx) after it may have reached Azure: whether it
 * was applied is unknown until the resource is read again. It is never sent a second time.
 */
export class LostAnswerError extends Error {
    readonly code = 'AnswerLost';

    constructor(readonly resourceId: string, readonly cause: unknown) {
        super(`The answer to a change of ${resourceId} was lost (${describeCause(cause)}); Azure may or may not have applied it.`);
        this.name = 'LostAnswerError';
    }
}

/** A long operation Azure accepted ended `Failed` or `Canceled` in Azure (not the person's own cancel). */
export class OperationEndedError extends Error {
    constructor(readonly resourceId: string, readonly status: 'Failed' | 'Canceled', readonly code: string | undefined, message: string) {
        super(message);
        this.name = 'OperationEndedError';
    }
}

function describeCause(cause: unknown): string {
    const error = cause as { statusCode?: number; code?: string; name?: string } | undefined;
    if (error?.statusCode) {
        return `HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''}`;
    }
    return error?.code ?? error?.name ?? 'no answer';
}
