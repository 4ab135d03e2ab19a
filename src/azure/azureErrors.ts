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
