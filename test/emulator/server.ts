import * as crypto from 'crypto';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { ensureCertificates } from './certificates';
import { recordExchange } from '../conformance/recorder';
import { control, Controls, RecordedRequest } from './controls';
import { Fault, takeFault, twistOf } from './faults';
import { ArmError, ArmRequest, Result } from './http';
import { armNow, DEFAULT_KNOBS, Knobs } from './knobs';
import { registerAgentPools } from './resources/agentPools';
import type { Context } from './resources/context';
import { registerManagedClusters } from './resources/managedClusters';
import { registerMaintenanceConfigurations } from './resources/maintenanceConfigurations';
import { registerOperations } from './resources/operations';
import { registerResourceGroups } from './resources/resourceGroups';
import { registerSkus } from './resources/skus';
import { registerFleets } from './resources/fleets';
import { registerSnapshots } from './resources/snapshots';
import { registerSubscriptions } from './resources/subscriptions';
import { RouteTable } from './routes';
import { resolveSeed, Seed } from './seeds';
import { EmulatorState } from './state';
import { Throttle } from './throttling';
import { CLIENT_ID, CLIENT_SECRET, TokenService, wrongIssuer } from './tokens';

/**
 * A local Azure Resource Manager and token service over HTTPS, as strict as Azure: it speaks the AKS contract
 * (shapes, status codes, long operations, paging, both error shapes), checks every token, honours If-Match and
 * If-None-Match, throttles like AKS when asked, and fails the ways production fails when a test asks for a fault.
 * For the tests, the benchmarks and the demo.
 */

export type { Fault, FaultAction } from './faults';
export type { RecordedRequest } from './controls';
export type { Knobs } from './knobs';
export { CLIENT_ID, CLIENT_SECRET };

export interface EmulatorOptions extends Partial<Knobs> {
    /** 0 picks a free port. */
    readonly port?: number;
    /** A seed, or the name of one (`demo`, `empty`, `fleet`, `scale` or `scale-<subscriptions>x<clusters>x<pools>x<snapshots>`). */
    readonly seed?: string | Seed;
    /** Where the CA and server certificate are kept (made once, then reused). */
    readonly certDir?: string;
    /**
     * Whether its exchanges are judged by Azure's REST spec (test/conformance; default yes). Off only where a test
     * serves on purpose what the spec does not define (fields of a newer API version).
     */
    readonly conformance?: boolean;
}

export interface EmulatorInfo {
    readonly armUrl: string;
    readonly tokenAuthority: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly caFile: string;
}

/** What a client needs to reach the emulator, without its controls (to hand to another process). */
export function emulatorInfo(emulator: EmulatorInfo): EmulatorInfo {
    const { armUrl, tokenAuthority, tenantId, clientId, clientSecret, caFile } = emulator;
    return { armUrl, tokenAuthority, tenantId, clientId, clientSecret, caFile };
}

export interface RunningEmulator extends EmulatorInfo {
    readonly requests: RecordedRequest[];
    /** The sign-in's requests (the authority's metadata, tokens): their path and when they arrived (ms since the epoch). */
    readonly signIns: { readonly path: string; readonly time: number }[];
    readonly faults: Fault[];
    /** The emulator's knobs, changeable while it runs. */
    readonly knobs: Knobs;
    /** The emulated Azure's resources, for tests that look inside. */
    state(): EmulatorState;
    /** How many requests were answered 429 since the start or the last reset. */
    throttled(): number;
    /** The most ARM requests held at once since the start or the last call with `reset`. */
    peakInFlight(reset?: boolean): number;
    /** Back to the seed (or to another one, by name, of the same tenant): resources, requests, faults and throttling buckets. */
    reset(seed?: string): void;
    close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const seed = resolveSeed(options.seed ?? 'demo');
    const certs = ensureCertificates(options.certDir ?? defaultCertDir());
    const knobs: Knobs = { ...DEFAULT_KNOBS };
    for (const name of Object.keys(DEFAULT_KNOBS) as (keyof Knobs)[]) {
        if (options[name] !== undefined) {
            (knobs as unknown as Record<string, unknown>)[name] = options[name];
        }
    }
    const requests: RecordedRequest[] = [];
    const signIns: { path: string; time: number }[] = [];
    const faults: Fault[] = [];
    let state = new EmulatorState(seed);
    const throttle = new Throttle(knobs);
    const tokens = new TokenService(() => state.tenants.map((t) => t.tenantId), knobs);
    const context: Context = { state: () => state, knobs };
    const routes = new RouteTable();
    for (const register of [
        registerSubscriptions,
        registerResourceGroups,
        registerManagedClusters,
        registerAgentPools,
        registerMaintenanceConfigurations,
        registerSnapshots,
        registerOperations,
        registerSkus,
        registerFleets,
    ]) {
        register(routes, context);
    }
    // ARM requests being answered now, and the most at once (the bench checks the product's bound on requests in flight).
    let inFlight = 0;
    let peak = 0;
    const peakInFlight = (reset = false): number => {
        const seen = peak;
        if (reset) {
            peak = inFlight;
        }
        return seen;
    };
    const controls: Controls = {
        requests,
        faults,
        knobs,
        peakInFlight,
        state: () => state,
        reset: (name?: string) => {
            const next = name ? resolveSeed(name) : seed;
            if (next.tenantId !== seed.tenantId) {
                throw new Error(`Seed "${name}" is of another tenant than the one this emulator signs in.`);
            }
            state = new EmulatorState(next);
            requests.length = 0;
            faults.length = 0;
            throttle.reset();
        },
        throttled: () => throttle.throttled,
        issuedTokens: () => [...tokens.issued],
    };

    // Each connection's number, in the order they opened.
    const connections = new WeakMap<object, number>();
    let opened = 0;
    const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
        if (!connections.has(req.socket)) {
            connections.set(req.socket, ++opened);
        }
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            void (async () => {
                const method = req.method ?? 'GET';
                const origin = `https://${req.headers.host ?? '127.0.0.1'}`;
                const url = new URL(req.url ?? '/', origin);
                const raw = Buffer.concat(chunks).toString('utf8');
                let record: RecordedRequest | undefined;
                let counted = false;
                const reply = (result: Result): void => {
                    if (counted) {
                        inFlight--;
                        counted = false;
                    }
                    const body = result.body;
                    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
                    if (record) {
                        record.status = result.status;
                        if (options.conformance !== false) {
                            recordExchange({
                                method: record.method,
                                url: record.url,
                                headers: record.headers,
                                body: record.body,
                                status: result.status,
                                answer: body,
                            });
                        }
                    }
                    res.writeHead(result.status, {
                        'content-type': 'application/json; charset=utf-8',
                        // ARM's clock (the seeds' day, running on), as the real service dates every answer.
                        date: armNow(knobs).toUTCString(),
                        'x-ms-request-id': crypto.randomUUID(),
                        'x-ms-correlation-request-id':
                            (req.headers['x-ms-correlation-request-id'] as string | undefined) ?? crypto.randomUUID(),
                        ...result.headers,
                    });
                    res.end(text);
                };
                try {
                    if (url.pathname.startsWith('/_emulator/')) {
                        return reply({ status: 200, body: control(url, method, raw, controls) });
                    }
                    if (TokenService.isTokenPath(url.pathname)) {
                        signIns.push({ path: url.pathname, time: Date.now() });
                        // The sign-in is a round trip too: the latency applies to every answer.
                        if (knobs.latencyMs > 0) {
                            await new Promise((resolve) => setTimeout(resolve, knobs.latencyMs));
                        }
                        return reply(tokens.answer(url, method, raw, origin));
                    }
                    let body: unknown;
                    if (raw) {
                        try {
                            body = JSON.parse(raw);
                        } catch {
                            body = raw;
                        }
                    }
                    const headers = headerMap(req.headers);
                    counted = true;
                    peak = Math.max(peak, ++inFlight);
                    record = {
                        method,
                        url: url.pathname + url.search,
                        headers: redacted(headers),
                        body,
                        time: Date.now(),
                        connection: connections.get(req.socket),
                    };
                    requests.push(record);
                    if (knobs.latencyMs > 0) {
                        await new Promise((resolve) => setTimeout(resolve, knobs.latencyMs));
                    }
                    const tokenTenant = tokens.verify(req.headers.authorization);
                    const { route, params } = routes.match(method, url.pathname);
                    // A subscription answers only tokens from its own tenant (a guest tenant needs a sign-in of its own).
                    const subscription = params.subscriptionId
                        ? state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === params.subscriptionId.toLowerCase())
                        : undefined;
                    if (subscription && state.tenantOf(subscription) !== tokenTenant) {
                        throw wrongIssuer(tokenTenant, state.tenantOf(subscription));
                    }
                    record.route = route.name;
                    throttle.take(route.name, params);
                    const fault = takeFault(faults, method, url.pathname);
                    if (fault && (fault.action ?? 'reply') === 'reply') {
                        return reply({ status: fault.status ?? 500, body: fault.body, headers: fault.headers });
                    }
                    if (fault?.action === 'changedMeanwhile') {
                        state.touch(EmulatorState.resourceIdOf(url.pathname));
                    }
                    const request: ArmRequest = { method, url, origin, headers, body, twist: twistOf(fault), tokenTenant };
                    const result = route.handler(request, params);
                    switch (fault?.action) {
                        case 'resetAfterApply':
                            // The write happened; its answer never arrives.
                            inFlight -= counted ? 1 : 0;
                            counted = false;
                            req.socket.destroy();
                            return;
                        case 'errorAfterApply':
                            return reply({
                                status: 500,
                                body: {
                                    error: {
                                        code: 'InternalServerError',
                                        message:
                                            'Encountered an internal server error. The tracking activity id is in the x-ms-request-id header.',
                                    },
                                },
                            });
                        case 'delay':
                            await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 60_000));
                            break;
                    }
                    return reply(result);
                } catch (error) {
                    if (error instanceof ArmError) {
                        return reply({ status: error.status, body: error.body, headers: error.headers });
                    }
                    return reply({ status: 500, body: { error: { code: 'InternalServerError', message: String(error) } } });
                }
            })().catch(() => res.destroy());
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        armUrl: `${origin}/`,
        tokenAuthority: `${origin}/`,
        tenantId: seed.tenantId,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        caFile: certs.caFile,
        requests,
        signIns,
        faults,
        knobs,
        state: () => state,
        throttled: () => throttle.throttled,
        peakInFlight,
        reset: controls.reset,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

export function defaultCertDir(): string {
    return path.resolve(__dirname, '..', '..', '..', '.test-output', 'emulator-ca');
}

function headerMap(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
    const map: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) {
            map[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
    }
    return map;
}

/** Headers as recorded: the bearer token itself is never kept. */
function redacted(headers: Record<string, string>): Record<string, string> {
    return headers.authorization
        ? { ...headers, authorization: headers.authorization.replace(/^(Bearer)\s+\S+$/i, '$1 <redacted>') }
        : headers;
}
