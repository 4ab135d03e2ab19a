import * as fs from 'fs';
import * as https from 'https';
import { UNJUDGED_REQUEST_HEADER } from '../../conformance/recorder';
import type { EmulatorInfo } from '../../emulator/server';

/** Plain HTTPS to the emulator, for what the SDK hides: exact status codes, headers and lost answers. */
export interface RawResponse {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RawOptions {
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
    /** The bearer token; `null` sends no Authorization header. */
    readonly token?: string | null;
    readonly timeoutMs?: number;
}

export function rawRequest(emulator: EmulatorInfo, method: string, pathOrUrl: string, options: RawOptions = {}): Promise<RawResponse> {
    const url = new URL(pathOrUrl, emulator.armUrl);
    // Raw requests test the emulator (often with what Azure refuses): only its answers are judged by the REST spec.
    const headers: Record<string, string> = { 'content-type': 'application/json', [UNJUDGED_REQUEST_HEADER]: 'raw', ...options.headers };
    if (options.token) {
        headers.authorization = `Bearer ${options.token}`;
    }
    return new Promise((resolve, reject) => {
        const request = https.request(
            url,
            { method, headers, ca: fs.readFileSync(emulator.caFile), timeout: options.timeoutMs },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers as Record<string, string>,
                        body: text ? JSON.parse(text) : undefined,
                    });
                });
            },
        );
        request.on('timeout', () => request.destroy(new Error('client timeout')));
        request.on('error', reject);
        request.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
}

/** A token from the emulator's token service, as a client-credentials client gets one. */
export async function tokenFor(
    emulator: EmulatorInfo,
    scope = 'https://management.core.windows.net//.default',
    tenantId = emulator.tenantId,
): Promise<string> {
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        scope,
    });
    const url = new URL(`${tenantId}/oauth2/v2.0/token`, emulator.tokenAuthority);
    return new Promise((resolve, reject) => {
        const request = https.request(
            url,
            { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, ca: fs.readFileSync(emulator.caFile) },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () => {
                    const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                        access_token?: string;
                        error_description?: string;
                    };
                    if (answer.access_token) {
                        resolve(answer.access_token);
                    } else {
                        reject(new Error(answer.error_description));
                    }
                });
            },
        );
        request.on('error', reject);
        request.end(form.toString());
    });
}
