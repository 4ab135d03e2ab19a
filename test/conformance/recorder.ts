import * as fs from 'fs';
import * as path from 'path';

/** Where the emulators of one `npm test` leave every exchange, for `check.ts` to judge by Azure's REST spec. */
export const CONFORMANCE_DIR = path.resolve(__dirname, '..', '..', '..', '.test-output', 'conformance');

/** One request as the product sent it and the answer the emulator served (the token is never kept). */
export interface ExchangeRecord {
    readonly method: string;
    /** Path and query. */
    readonly url: string;
    /** Lower-case names. */
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: unknown;
    readonly status?: number;
    readonly answer?: unknown;
    /**
     * False for a request the product did not send: a test's raw request made to see the emulator refuse it
     * (header `x-aks-unjudged-request`), or the Azure CLI's (its own api-version). Their answers are judged.
     */
    readonly judgeRequest?: boolean;
}

/** The header a test's deliberately raw request carries, so that only the answer to it is judged. */
export const UNJUDGED_REQUEST_HEADER = 'x-aks-unjudged-request';

/** Appends an exchange when the run asked for it (`AKS_CONFORMANCE=1`, as `npm test` does). */
export function recordExchange(record: ExchangeRecord): void {
    if (process.env.AKS_CONFORMANCE !== '1') {
        return;
    }
    fs.mkdirSync(CONFORMANCE_DIR, { recursive: true });
    // The token is never kept; the raw-request mark is read, not kept.
    const headers = { ...record.headers };
    delete headers.authorization;
    const raw = headers[UNJUDGED_REQUEST_HEADER];
    delete headers[UNJUDGED_REQUEST_HEADER];
    const judgeRequest = raw === undefined && !/AZURECLI\//i.test(headers['user-agent'] ?? '');
    fs.appendFileSync(path.join(CONFORMANCE_DIR, `${process.pid}.jsonl`), `${JSON.stringify({ ...record, headers, judgeRequest })}\n`);
}
