import * as crypto from 'crypto';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { ensureCertificates } from './certificates';
import { Json, latestNodeImage, Seed, seeds, supportedKubernetesVersions } from './seeds';

/**
 * A local Azure Resource Manager and token service over HTTPS, speaking the AKS contract the way the real
 * service does (shapes, status codes, long operations, paging, errors), for the tests, the benchmarks and the demo.
 */

export interface EmulatorOptions {
    /** 0 picks a free port. */
    readonly port?: number;
    readonly seed?: string | Seed;
    /** Where the CA and server certificate are kept (made once, then reused). */
    readonly certDir?: string;
    /** Added to every ARM response, to model a distant region. */
    readonly latencyMs?: number;
    /** Items per page of every list. */
    readonly pageSize?: number;
    /** Polls of an operation URL that answer InProgress before it succeeds. */
    readonly operationPolls?: number;
    /** The `Retry-After` seconds sent with long operations; the Azure CLI waits 30 s per poll without it. */
    readonly retryAfterSeconds?: number;
}

/** A request as the emulator received it: what a test asserts Azure was sent. */
export interface RecordedRequest {
    readonly method: string;
    /** Path and query. */
    readonly url: string;
    readonly headers: Record<string, string>;
    readonly body?: unknown;
}

/** A canned failure: the next `times` requests matching method and path answer `status` with `body`. */
export interface Fault {
    readonly method?: string;
    /** Matched, case-insensitively, as a substring of the request path. */
    readonly pathContains: string;
    readonly status: number;
    readonly body: unknown;
    readonly headers?: Record<string, string>;
    times?: number;
}

export interface EmulatorInfo {
    readonly armUrl: string;
    readonly tokenAuthority: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly caFile: string;
}

export interface RunningEmulator extends EmulatorInfo {
    readonly requests: RecordedRequest[];
    readonly faults: Fault[];
    /** The emulator's knobs, changeable while it runs. */
    readonly knobs: { latencyMs: number; pageSize: number; operationPolls: number; retryAfterSeconds: number };
    close(): Promise<void>;
}

export const CLIENT_ID = '5a1d8c2e-7f3b-4e6a-9b0c-1d2e3f4a5b6c';
export const CLIENT_SECRET = 'emulator-client-secret';

const AKS = 'microsoft.containerservice';
const TERMINAL = ['succeeded', 'failed', 'canceled'];

interface PoolRecord {
    name: string;
    properties: Json;
    eTag: string;
}

interface ClusterRecord {
    subscriptionId: string;
    resourceGroup: string;
    name: string;
    location: string;
    tags: Record<string, string>;
    properties: Json;
    eTag: string;
    pools: Map<string, PoolRecord>;
}

interface SnapshotRecord {
    subscriptionId: string;
    resourceGroup: string;
    name: string;
    location: string;
    tags?: Record<string, string>;
    properties: Json;
    systemData: Json;
}

interface Operation {
    readonly id: string;
    readonly subscriptionId: string;
    readonly location: string;
    readonly startTime: string;
    pollsLeft: number;
    status: 'InProgress' | 'Succeeded' | 'Failed';
    error?: { code: string; message: string };
    readonly complete: () => void;
    /** What the Location URL answers once done. */
    readonly result: () => unknown;
}

class ArmError extends Error {
    constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {
        super(`${status}`);
    }
}

/** ARM's gateway shape. */
const armError = (status: number, code: string, message: string): ArmError => new ArmError(status, { error: { code, message } });
/** AKS resource provider's own shape. */
const aksError = (status: number, code: string, message: string, target = '', subcode = ''): ArmError =>
    new ArmError(status, { code, message, subcode, target });

const newETag = (): string => crypto.randomUUID();
const key = (...parts: string[]): string => parts.map((p) => p.toLowerCase()).join('/');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const LOCATIONS: [string, string][] = [['eastus', 'East US'], ['westus2', 'West US 2'], ['westeurope', 'West Europe'], ['northeurope', 'North Europe'], ['japaneast', 'Japan East']];

const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const SNAPSHOT_NAME = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const CLUSTER_NAME = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const DNS_PREFIX = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const seed = typeof options.seed === 'object' ? options.seed : seeds[options.seed ?? 'demo'];
    if (!seed) {
        throw new Error(`Unknown seed "${String(options.seed)}"; use one of: ${Object.keys(seeds).join(', ')}`);
    }
    const certs = ensureCertificates(options.certDir ?? defaultCertDir());
    const knobs = {
        latencyMs: options.latencyMs ?? 0,
        pageSize: options.pageSize ?? 50,
        operationPolls: options.operationPolls ?? 2,
        retryAfterSeconds: options.retryAfterSeconds ?? 1,
    };
    const requests: RecordedRequest[] = [];
    const faults: Fault[] = [];
    let state = new EmulatorState(seed, knobs);
    const controls: Controls = {
        requests, faults, knobs,
        reset: () => {
            state = new EmulatorState(seed, knobs);
            requests.length = 0;
            faults.length = 0;
        },
        setProvisioningState: (id, provisioningState) => state.setProvisioningState(id, provisioningState),
    };

    const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            void (async () => {
                const origin = `https://${req.headers.host ?? '127.0.0.1'}`;
                const url = new URL(req.url ?? '/', origin);
                const raw = Buffer.concat(chunks).toString('utf8');
                const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
                    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
                    res.writeHead(status, {
                        'content-type': 'application/json; charset=utf-8',
                        'x-ms-request-id': crypto.randomUUID(),
                        ...headers,
                    });
                    res.end(text);
                };
                try {
                    if (url.pathname.startsWith('/_emulator/')) {
                        return reply(200, control(url, req.method ?? 'GET', raw, controls));
                    }
                    if (isTokenPath(url.pathname)) {
                        return replyToken(url, req.method ?? 'GET', raw, origin, seed.tenantId, reply);
                    }
                    let body: unknown;
                    if (raw) {
                        try {
                            body = JSON.parse(raw);
                        } catch {
                            body = raw;
                        }
                    }
                    requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, headers: recordedHeaders(req.headers), body });
                    if (knobs.latencyMs > 0) {
                        await new Promise((resolve) => setTimeout(resolve, knobs.latencyMs));
                    }
                    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
                        throw armError(401, 'AuthenticationFailed', 'Authentication failed. The Authorization header is missing.');
                    }
                    const fault = faults.find((f) => (!f.method || f.method.toUpperCase() === req.method) &&
                        url.pathname.toLowerCase().includes(f.pathContains.toLowerCase()) && (f.times ?? 1) > 0);
                    if (fault) {
                        if (fault.times !== undefined) {
                            fault.times--;
                        }
                        return reply(fault.status, fault.body, fault.headers);
                    }
                    const result = state.handle(req.method ?? 'GET', url, body, headerMap(req.headers), origin);
                    return reply(result.status, result.body, result.headers);
                } catch (error) {
                    if (error instanceof ArmError) {
                        return reply(error.status, error.body, error.headers);
                    }
                    return reply(500, { error: { code: 'InternalServerError', message: String(error) } });
                }
            })();
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
        faults,
        knobs,
        close: () => new Promise<void>((resolve) => {
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
function recordedHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
    const map = headerMap(headers);
    if (map.authorization) {
        map.authorization = map.authorization.replace(/^(Bearer)\s+\S+$/i, '$1 <redacted>');
    }
    return map;
}

interface Controls {
    readonly requests: RecordedRequest[];
    readonly faults: Fault[];
    readonly knobs: RunningEmulator['knobs'];
    /** Back to the seed: resources, requests and faults. */
    reset(): void;
    /** Puts a cluster or pool in a state (a test's way to have one mid-operation). */
    setProvisioningState(id: string, provisioningState: string): void;
}

/** Test-only endpoints under /_emulator/ (never part of ARM). */
function control(url: URL, method: string, raw: string, c: Controls): unknown {
    switch (`${method} ${url.pathname}`) {
        case 'GET /_emulator/requests':
            return c.requests;
        case 'DELETE /_emulator/requests':
            c.requests.length = 0;
            return {};
        case 'POST /_emulator/faults':
            c.faults.push(JSON.parse(raw) as Fault);
            return {};
        case 'DELETE /_emulator/faults':
            c.faults.length = 0;
            return {};
        case 'POST /_emulator/knobs':
            Object.assign(c.knobs, JSON.parse(raw));
            return c.knobs;
        case 'POST /_emulator/reset':
            c.reset();
            return {};
        case 'POST /_emulator/provisioningState': {
            const { id, provisioningState } = JSON.parse(raw) as { id: string; provisioningState: string };
            c.setProvisioningState(id, provisioningState);
            return {};
        }
        default:
            throw armError(404, 'NotFound', `No emulator control endpoint ${method} ${url.pathname}`);
    }
}

function isTokenPath(pathname: string): boolean {
    return /\/oauth2\/(v2\.0\/)?token$/i.test(pathname) || /\/\.well-known\/openid-configuration$/i.test(pathname) ||
        /^\/common\/discovery\/instance$/i.test(pathname);
}

function replyToken(url: URL, method: string, raw: string, origin: string, tenantId: string,
    reply: (status: number, body?: unknown, headers?: Record<string, string>) => void): void {
    const authority = url.pathname.toLowerCase().startsWith('/adfs') ? `${origin}/adfs` : `${origin}/${url.pathname.split('/')[1]}`;
    if (url.pathname.endsWith('openid-configuration')) {
        const v2 = url.pathname.includes('/v2.0/') ? '/v2.0' : '';
        return reply(200, {
            token_endpoint: `${authority}/oauth2${v2}/token`,
            authorization_endpoint: `${authority}/oauth2${v2}/authorize`,
            device_authorization_endpoint: `${authority}/oauth2${v2}/devicecode`,
            end_session_endpoint: `${authority}/oauth2${v2}/logout`,
            issuer: `${authority}${v2}`,
            jwks_uri: `${authority}/discovery${v2}/keys`,
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            tenant_region_scope: 'NA',
        });
    }
    if (url.pathname.endsWith('/discovery/instance')) {
        return reply(200, {
            tenant_discovery_endpoint: `${origin}/${tenantId}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [],
        });
    }
    if (method !== 'POST') {
        return reply(405, { error: 'invalid_request', error_description: 'Use POST.' });
    }
    const form = new URLSearchParams(raw);
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
        return reply(401, {
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret provided for application '${form.get('client_id') ?? ''}'.`,
            error_codes: [7000215],
        });
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = {
        aud: 'https://management.core.windows.net/', iss: `${authority}/`, iat: now, nbf: now, exp: now + 3600,
        appid: CLIENT_ID, oid: CLIENT_ID, sub: CLIENT_ID, tid: tenantId, ver: '1.0',
    };
    const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const accessToken = `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(claims)}.${crypto.randomBytes(32).toString('base64url')}`;
    reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
}

interface Result {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

class EmulatorState {
    private readonly subscriptions: Seed['subscriptions'];
    private readonly resourceGroups = new Map<string, { subscriptionId: string; name: string; location: string }>();
    private readonly clusters = new Map<string, ClusterRecord>();
    private readonly snapshots = new Map<string, SnapshotRecord>();
    private readonly operations = new Map<string, Operation>();

    constructor(private readonly seed: Seed, private readonly knobs: RunningEmulator['knobs']) {
        this.subscriptions = seed.subscriptions;
        for (const rg of seed.resourceGroups) {
            this.resourceGroups.set(key(rg.subscriptionId, rg.name), { ...rg });
        }
        for (const c of seed.clusters) {
            const pools = new Map<string, PoolRecord>();
            for (const p of c.pools) {
                pools.set(p.name.toLowerCase(), { name: p.name, properties: clone(p.properties), eTag: newETag() });
            }
            this.clusters.set(key(c.subscriptionId, c.resourceGroup, c.name), {
                subscriptionId: c.subscriptionId, resourceGroup: c.resourceGroup, name: c.name, location: c.location, tags: {},
                properties: this.clusterProperties(c.name, c.kubernetesVersion, c.provisioningState ?? 'Succeeded', c.resourceGroup, c.location),
                eTag: newETag(), pools,
            });
        }
        for (const s of seed.snapshots) {
            const [cluster, poolName] = s.source.split('/');
            const sourceResourceId = s.source.startsWith('/')
                ? s.source
                : `${this.clusterId(this.clusters.get(key(s.subscriptionId, this.findClusterGroup(s.subscriptionId, cluster), cluster))!)}/agentPools/${poolName}`;
            this.snapshots.set(key(s.subscriptionId, s.resourceGroup, s.name), {
                subscriptionId: s.subscriptionId, resourceGroup: s.resourceGroup, name: s.name, location: s.location, tags: s.tags,
                systemData: { createdBy: 'platform@contoso.com', createdByType: 'User', createdAt: s.createdAt, lastModifiedBy: 'platform@contoso.com', lastModifiedByType: 'User', lastModifiedAt: s.createdAt },
                properties: {
                    creationData: { sourceResourceId }, snapshotType: 'NodePool', kubernetesVersion: s.kubernetesVersion,
                    nodeImageVersion: s.nodeImageVersion, osType: s.osType, osSku: s.osSku, vmSize: s.vmSize, enableFIPS: false,
                },
            });
        }
    }

    setProvisioningState(id: string, provisioningState: string): void {
        const pool = this.findPool(id);
        if (pool) {
            pool.pool.properties.provisioningState = provisioningState;
            return;
        }
        const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)$/i.exec(id);
        const cluster = m && this.clusters.get(key(m[1], m[2], m[3]));
        if (!cluster) {
            throw armError(404, 'NotFound', `No cluster or pool ${id}`);
        }
        cluster.properties.provisioningState = provisioningState;
    }

    private findClusterGroup(subscriptionId: string, cluster: string): string {
        const found = [...this.clusters.values()].find((c) => c.subscriptionId === subscriptionId && c.name === cluster);
        if (!found) {
            throw new Error(`Seed snapshot refers to unknown cluster ${cluster}`);
        }
        return found.resourceGroup;
    }

    private clusterProperties(name: string, version: string, provisioningState: string, resourceGroup: string, location: string): Json {
        return {
            provisioningState,
            powerState: { code: 'Running' },
            kubernetesVersion: version,
            currentKubernetesVersion: version,
            dnsPrefix: `${name}-dns`,
            fqdn: `${name}-dns-a1b2c3d4.hcp.${location}.azmk8s.io`,
            nodeResourceGroup: `MC_${resourceGroup}_${name}_${location}`,
            enableRBAC: true,
            networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10', outboundType: 'loadBalancer', loadBalancerSku: 'standard' },
            disableLocalAccounts: false,
        };
    }

    handle(method: string, url: URL, body: unknown, headers: Record<string, string>, origin: string): Result {
        const seg = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        const lower = seg.map((s) => s.toLowerCase());
        const at = (i: number, word: string): boolean => lower[i] === word;

        if (lower.length === 1 && at(0, 'subscriptions') && method === 'GET') {
            return this.page(url, origin, this.subscriptions.map((s) => this.subscriptionJson(s)));
        }
        if (lower.length === 1 && at(0, 'tenants') && method === 'GET') {
            return this.page(url, origin, [{ id: `/tenants/${this.seed.tenantId}`, tenantId: this.seed.tenantId, tenantCategory: 'Home', displayName: 'Contoso' }]);
        }
        if (!at(0, 'subscriptions')) {
            throw armError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
        }
        const subscription = this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === lower[1]);
        if (!subscription) {
            throw armError(404, 'SubscriptionNotFound', `The subscription '${seg[1]}' could not be found.`);
        }
        const sub = subscription.subscriptionId;
        if (lower.length === 2 && method === 'GET') {
            return { status: 200, body: this.subscriptionJson(subscription) };
        }
        if (lower.length === 3 && at(2, 'locations') && method === 'GET') {
            return this.page(url, origin, LOCATIONS.map(([name, displayName]) => ({
                id: `/subscriptions/${sub}/locations/${name}`, name, displayName, regionalDisplayName: `(US) ${displayName}`,
                metadata: { regionType: 'Physical' },
            })));
        }
        // /subscriptions/{s}/providers/Microsoft.ContainerService/...
        if (at(2, 'providers') && lower[3] === AKS) {
            const rest = lower.slice(4);
            if (rest.length === 1 && rest[0] === 'managedclusters' && method === 'GET') {
                return this.page(url, origin, this.clustersIn(sub).map((c) => this.clusterJson(c)));
            }
            if (rest.length === 1 && rest[0] === 'snapshots' && method === 'GET') {
                return this.page(url, origin, this.snapshotsIn(sub).map((s) => this.snapshotJson(s)));
            }
            if (rest[0] === 'locations' && rest.length === 3 && rest[2] === 'kubernetesversions' && method === 'GET') {
                return { status: 200, body: supportedKubernetesVersions(seg[5]) };
            }
            if (rest[0] === 'locations' && rest.length === 4 && (rest[2] === 'operations' || rest[2] === 'operationresults') && method === 'GET') {
                return this.operation(rest[2], seg[7]);
            }
        }
        if (at(2, 'resourcegroups') && lower.length === 3 && method === 'GET') {
            return this.page(url, origin, [...this.resourceGroups.values()].filter((g) => g.subscriptionId === sub).map((g) => this.groupJson(g)));
        }
        if (!at(2, 'resourcegroups') || lower.length < 4) {
            throw armError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
        }
        const groupKey = key(sub, seg[3]);
        if (lower.length === 4) {
            return this.resourceGroup(method, sub, seg[3], body);
        }
        const group = this.resourceGroups.get(groupKey);
        if (!group) {
            throw armError(404, 'ResourceGroupNotFound', `Resource group '${seg[3]}' could not be found.`);
        }
        if (!(at(4, 'providers') && lower[5] === AKS)) {
            throw armError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
        }
        const rg = group.name;
        const kind = lower[6];
        if (kind === 'snapshots') {
            if (lower.length === 7 && method === 'GET') {
                return this.page(url, origin, this.snapshotsIn(sub).filter((s) => s.resourceGroup.toLowerCase() === rg.toLowerCase()).map((s) => this.snapshotJson(s)));
            }
            if (lower.length === 8) {
                return this.snapshot(method, sub, rg, seg[7], body);
            }
        }
        if (kind === 'managedclusters') {
            if (lower.length === 7 && method === 'GET') {
                return this.page(url, origin, this.clustersIn(sub).filter((c) => c.resourceGroup.toLowerCase() === rg.toLowerCase()).map((c) => this.clusterJson(c)));
            }
            if (lower.length === 8) {
                return this.cluster(method, sub, rg, seg[7], body, origin);
            }
            const cluster = this.clusters.get(key(sub, rg, seg[7]));
            if (!cluster) {
                throw this.notFound('managedClusters', seg[7], rg);
            }
            const sub9 = lower[8];
            if (lower.length === 10 && sub9 === 'upgradeprofiles' && method === 'GET') {
                return { status: 200, body: this.clusterUpgradeProfile(cluster) };
            }
            if (lower.length === 9 && sub9 === 'availableagentpoolversions' && method === 'GET') {
                return { status: 200, body: this.availableVersions(cluster) };
            }
            if (sub9 === 'agentpools') {
                if (lower.length === 9 && method === 'GET') {
                    return this.page(url, origin, [...cluster.pools.values()].map((p) => this.poolJson(cluster, p)));
                }
                if (lower.length === 10) {
                    return this.pool(method, cluster, seg[9], body, headers, origin);
                }
                const pool = cluster.pools.get(lower[9]);
                if (!pool) {
                    throw this.notFound('managedClusters/agentPools', `${cluster.name}/${seg[9]}`, rg);
                }
                if (lower.length === 12 && lower[10] === 'upgradeprofiles' && method === 'GET') {
                    return { status: 200, body: this.poolUpgradeProfile(cluster, pool) };
                }
                if (lower.length === 11 && lower[10] === 'upgradenodeimageversion' && method === 'POST') {
                    return this.upgradeNodeImage(cluster, pool, headers, origin);
                }
            }
        }
        throw armError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
    }

    // ---- shapes ----

    private subscriptionJson(s: Seed['subscriptions'][number]): Json {
        return {
            id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, displayName: s.displayName, state: 'Enabled',
            tenantId: this.seed.tenantId, subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
            authorizationSource: 'RoleBased',
        };
    }

    private groupJson(g: { subscriptionId: string; name: string; location: string }): Json {
        return { id: `/subscriptions/${g.subscriptionId}/resourceGroups/${g.name}`, name: g.name, type: 'Microsoft.Resources/resourceGroups', location: g.location, properties: { provisioningState: 'Succeeded' } };
    }

    private clusterId(c: ClusterRecord): string {
        return `/subscriptions/${c.subscriptionId}/resourcegroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
    }

    private clusterJson(c: ClusterRecord): Json {
        return {
            id: this.clusterId(c), location: c.location, name: c.name, type: 'Microsoft.ContainerService/ManagedClusters', tags: c.tags, eTag: c.eTag,
            sku: { name: 'Base', tier: 'Free' },
            identity: { type: 'SystemAssigned', principalId: '0b8c1a2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', tenantId: this.seed.tenantId },
            properties: {
                ...c.properties,
                agentPoolProfiles: [...c.pools.values()].map((p) => ({ name: p.name, ...p.properties, eTag: p.eTag })),
            },
        };
    }

    private poolJson(c: ClusterRecord, p: PoolRecord): Json {
        return { id: `${this.clusterId(c)}/agentPools/${p.name}`, name: p.name, type: 'Microsoft.ContainerService/managedClusters/agentPools', properties: { ...p.properties, eTag: p.eTag } };
    }

    private snapshotJson(s: SnapshotRecord): Json {
        return {
            id: `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.ContainerService/snapshots/${s.name}`,
            name: s.name, type: 'Microsoft.ContainerService/Snapshots', location: s.location, ...(s.tags ? { tags: s.tags } : {}),
            systemData: s.systemData, properties: s.properties,
        };
    }

    private notFound(type: string, name: string, rg: string): ArmError {
        return armError(404, 'ResourceNotFound',
            `The Resource 'Microsoft.ContainerService/${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
    }

    /** Lists page like ARM: a `nextLink` follows every non-empty page, so the last page is empty. */
    private page(url: URL, origin: string, items: unknown[]): Result {
        const skip = Number(url.searchParams.get('$skipToken') ?? '0') || 0;
        const value = items.slice(skip, skip + this.knobs.pageSize);
        const body: Json = { value };
        if (value.length > 0) {
            const next = new URL(url.pathname + url.search, origin);
            next.searchParams.set('$skipToken', String(skip + value.length));
            body.nextLink = next.toString();
        }
        return { status: 200, body };
    }

    private clustersIn(sub: string): ClusterRecord[] {
        return [...this.clusters.values()].filter((c) => c.subscriptionId === sub);
    }

    private snapshotsIn(sub: string): SnapshotRecord[] {
        return [...this.snapshots.values()].filter((s) => s.subscriptionId === sub);
    }

    // ---- long operations ----

    private startOperation(sub: string, location: string, origin: string, complete: () => void, result: () => unknown, withLocation = false): Record<string, string> {
        const id = crypto.randomUUID();
        const op: Operation = { id, subscriptionId: sub, location, startTime: new Date().toISOString(), pollsLeft: this.knobs.operationPolls, status: 'InProgress', complete, result };
        this.operations.set(id, op);
        const base = `${origin}/subscriptions/${sub}/providers/Microsoft.ContainerService/locations/${location}`;
        const headers: Record<string, string> = {
            'azure-asyncoperation': `${base}/operations/${id}?api-version=2016-03-30`,
            'retry-after': String(this.knobs.retryAfterSeconds),
        };
        if (withLocation) {
            headers.location = `${base}/operationresults/${id}?api-version=2016-03-30`;
        }
        if (op.pollsLeft <= 0) {
            this.finish(op);
        }
        return headers;
    }

    private finish(op: Operation): void {
        if (op.status === 'InProgress') {
            op.status = 'Succeeded';
            op.complete();
        }
    }

    private operation(kind: string, id: string): Result {
        const op = this.operations.get(id);
        if (!op) {
            throw armError(404, 'NotFound', `Operation ${id} was not found.`);
        }
        if (kind === 'operationresults') {
            if (op.status === 'InProgress') {
                return { status: 202, headers: { 'retry-after': String(this.knobs.retryAfterSeconds) } };
            }
            // A 204 here breaks the SDK's poller: answer 200 with the resource.
            return { status: 200, body: op.result() ?? {} };
        }
        if (op.status === 'InProgress') {
            op.pollsLeft--;
            if (op.pollsLeft <= 0) {
                this.finish(op);
            }
        }
        const body: Json = { name: op.id, status: op.status, startTime: op.startTime };
        if (op.status !== 'InProgress') {
            body.endTime = new Date().toISOString();
        }
        if (op.error) {
            body.error = op.error;
        }
        return { status: 200, body, headers: op.status === 'InProgress' ? { 'retry-after': String(this.knobs.retryAfterSeconds) } : {} };
    }

    // ---- resource groups ----

    private resourceGroup(method: string, sub: string, name: string, body: unknown): Result {
        const k = key(sub, name);
        const existing = this.resourceGroups.get(k);
        if (method === 'GET' || method === 'HEAD') {
            if (!existing) {
                throw armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
            }
            return { status: method === 'HEAD' ? 204 : 200, body: method === 'HEAD' ? undefined : this.groupJson(existing) };
        }
        if (method === 'PUT') {
            const location = (body as Json | undefined)?.location;
            if (typeof location !== 'string' || !location) {
                throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
            }
            const group = existing ?? { subscriptionId: sub, name, location };
            this.resourceGroups.set(k, group);
            return { status: existing ? 200 : 201, body: this.groupJson(group) };
        }
        throw armError(405, 'MethodNotAllowed', `${method} is not supported on resource groups here.`);
    }

    // ---- snapshots ----

    private findSnapshot(id: string): SnapshotRecord | undefined {
        const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/snapshots\/([^/]+)$/i.exec(id);
        return m ? this.snapshots.get(key(m[1], m[2], m[3])) : undefined;
    }

    private findPool(id: string): { cluster: ClusterRecord; pool: PoolRecord } | undefined {
        const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)\/agentpools\/([^/]+)$/i.exec(id);
        const cluster = m && this.clusters.get(key(m[1], m[2], m[3]));
        const pool = m && cluster?.pools.get(m[4].toLowerCase());
        return cluster && pool ? { cluster, pool } : undefined;
    }

    private snapshot(method: string, sub: string, rg: string, name: string, body: unknown): Result {
        const k = key(sub, rg, name);
        const existing = this.snapshots.get(k);
        switch (method) {
            case 'GET':
                if (!existing) {
                    throw this.notFound('snapshots', name, rg);
                }
                return { status: 200, body: this.snapshotJson(existing) };
            case 'DELETE':
                if (!existing) {
                    return { status: 204 };
                }
                this.snapshots.delete(k);
                return { status: 200 };
            case 'PATCH': {
                if (!existing) {
                    throw this.notFound('snapshots', name, rg);
                }
                const tags = (body as Json | undefined)?.tags;
                if (tags !== undefined) {
                    existing.tags = tags as Record<string, string>;
                }
                existing.systemData.lastModifiedAt = new Date().toISOString();
                return { status: 200, body: this.snapshotJson(existing) };
            }
            case 'PUT': {
                if (!SNAPSHOT_NAME.test(name)) {
                    throw aksError(400, 'InvalidParameter', `The value of parameter snapshotName '${name}' is invalid. It must be 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit.`, 'snapshotName');
                }
                const input = (body ?? {}) as Json;
                const location = input.location;
                if (typeof location !== 'string' || !location) {
                    throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
                }
                const props = (input.properties ?? {}) as Json;
                const sourceId = (props.creationData as Json | undefined)?.sourceResourceId;
                if (typeof sourceId !== 'string') {
                    throw aksError(400, 'InvalidParameter', 'The value of parameter creationData.sourceResourceId is required.', 'creationData.sourceResourceId');
                }
                const source = this.findPool(sourceId);
                if (!source) {
                    throw aksError(400, 'InvalidParameter', `The source agent pool '${sourceId}' was not found.`, 'creationData.sourceResourceId');
                }
                const p = source.pool.properties;
                if (p.type === 'VirtualMachines') {
                    throw aksError(400, 'InvalidParameter', 'Snapshots are not supported for agent pools of type VirtualMachines.', 'creationData.sourceResourceId');
                }
                if (!TERMINAL.includes(String(p.provisioningState).toLowerCase())) {
                    throw aksError(409, 'OperationNotAllowed', `Operation is not allowed because agent pool '${source.pool.name}' is in ${String(p.provisioningState)} state.`);
                }
                const now = new Date().toISOString();
                const record: SnapshotRecord = {
                    subscriptionId: sub, resourceGroup: this.resourceGroups.get(key(sub, rg))?.name ?? rg, name, location,
                    tags: input.tags as Record<string, string> | undefined,
                    systemData: existing?.systemData ?? { createdBy: CLIENT_ID, createdByType: 'Application', createdAt: now, lastModifiedBy: CLIENT_ID, lastModifiedByType: 'Application', lastModifiedAt: now },
                    properties: {
                        creationData: { sourceResourceId: sourceId }, snapshotType: 'NodePool',
                        kubernetesVersion: p.currentOrchestratorVersion ?? p.orchestratorVersion, nodeImageVersion: p.nodeImageVersion,
                        osType: p.osType, osSku: p.osSKU, vmSize: p.vmSize, enableFIPS: p.enableFIPS ?? false,
                    },
                };
                this.snapshots.set(k, record);
                return { status: 200, body: this.snapshotJson(record) };
            }
            default:
                throw armError(405, 'MethodNotAllowed', `${method} is not supported on snapshots.`);
        }
    }

    // ---- clusters ----

    private assertTerminal(state: unknown, what: string): void {
        if (!TERMINAL.includes(String(state ?? 'Succeeded').toLowerCase())) {
            throw aksError(409, 'OperationNotAllowed',
                `Operation is not allowed because there's an in progress operation on ${what}, whose provisioning state is ${String(state)}. Please wait for it to finish before starting a new operation.`);
        }
    }

    private assertSupported(version: string, location: string): void {
        const supported = (supportedKubernetesVersions(location).values as Json[]).flatMap((v) => Object.keys(v.patchVersions as Json));
        const minorOnly = /^\d+\.\d+$/.test(version);
        if (!supported.some((v) => v === version || (minorOnly && v.startsWith(`${version}.`)))) {
            throw aksError(400, 'K8sVersionNotSupported', `Version ${version} is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region.`, 'kubernetesVersion');
        }
    }

    private cluster(method: string, sub: string, rg: string, name: string, body: unknown, origin: string): Result {
        const k = key(sub, rg, name);
        const existing = this.clusters.get(k);
        if (method === 'GET') {
            if (!existing) {
                throw this.notFound('managedClusters', name, rg);
            }
            return { status: 200, body: this.clusterJson(existing) };
        }
        if (method === 'DELETE') {
            if (!existing) {
                return { status: 204 };
            }
            this.assertTerminal(existing.properties.provisioningState, `managed cluster '${existing.name}'`);
            existing.properties.provisioningState = 'Deleting';
            const headers = this.startOperation(sub, existing.location, origin, () => this.clusters.delete(k), () => ({}), true);
            return { status: 202, headers };
        }
        if (method !== 'PUT') {
            throw armError(405, 'MethodNotAllowed', `${method} is not supported on managed clusters.`);
        }
        const input = (body ?? {}) as Json;
        const props = (input.properties ?? {}) as Json;
        if (existing) {
            return this.updateCluster(existing, props, origin);
        }
        if (!CLUSTER_NAME.test(name)) {
            throw aksError(400, 'InvalidParameter', `The value of parameter resourceName '${name}' is invalid. It must be 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit.`, 'resourceName');
        }
        const location = String(input.location ?? '');
        if (!location) {
            throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
        }
        const dnsPrefix = String(props.dnsPrefix ?? '');
        if (!DNS_PREFIX.test(dnsPrefix)) {
            throw aksError(400, 'InvalidDNSPrefix', `DNS prefix '${dnsPrefix}' is invalid. It must be 1-54 letters, digits and '-', starting and ending with a letter or digit.`, 'properties.dnsPrefix');
        }
        const profiles = (props.agentPoolProfiles ?? []) as Json[];
        if (!profiles.some((p) => p.mode === 'System')) {
            throw aksError(400, 'InvalidParameter', 'A cluster must have at least one System node pool.', 'agentPoolProfiles');
        }
        let version = String(props.kubernetesVersion ?? '');
        const first = profiles.find((p) => p.mode === 'System')!;
        const firstSnapshot = this.snapshotFor(first);
        if (!version) {
            version = firstSnapshot ? String(firstSnapshot.properties.kubernetesVersion) : '1.34.1';
        }
        this.assertSupported(version, location);
        const cluster: ClusterRecord = {
            subscriptionId: sub, resourceGroup: this.resourceGroups.get(key(sub, rg))?.name ?? rg, name, location,
            tags: (input.tags ?? {}) as Record<string, string>,
            properties: { ...this.clusterProperties(name, version, 'Creating', rg, location), dnsPrefix }, eTag: newETag(), pools: new Map(),
        };
        for (const profile of profiles) {
            const poolName = String(profile.name ?? '');
            const { name: _, ...rest } = profile;
            void _;
            const pool = this.newPool(cluster, poolName, rest);
            cluster.pools.set(poolName.toLowerCase(), pool);
        }
        this.clusters.set(k, cluster);
        const headers = this.startOperation(sub, location, origin, () => {
            cluster.properties.provisioningState = 'Succeeded';
            cluster.pools.forEach((p) => (p.properties.provisioningState = 'Succeeded'));
        }, () => this.clusterJson(cluster));
        return { status: 201, body: this.clusterJson(cluster), headers };
    }

    private updateCluster(cluster: ClusterRecord, props: Json, origin: string): Result {
        this.assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
        const current = String(cluster.properties.kubernetesVersion);
        const wanted = props.kubernetesVersion === undefined || props.kubernetesVersion === '' ? current : String(props.kubernetesVersion);
        if (wanted !== current) {
            this.assertUpgradePath(current, wanted, 'managed cluster');
            this.assertSupported(wanted, cluster.location);
            cluster.properties.kubernetesVersion = wanted;
            cluster.properties.provisioningState = 'Upgrading';
            // A cluster upgrade moves every pool to the latest image and drops every snapshot link (R7).
            cluster.pools.forEach((p) => {
                p.properties.orchestratorVersion = wanted;
                p.properties.provisioningState = 'Upgrading';
                p.properties.nodeImageVersion = latestNodeImage(String(p.properties.osType), p.properties.osSKU as string, String(p.properties.vmSize));
                delete p.properties.creationData;
                p.eTag = newETag();
            });
        } else {
            cluster.properties.provisioningState = 'Updating';
        }
        cluster.eTag = newETag();
        const headers = this.startOperation(cluster.subscriptionId, cluster.location, origin, () => {
            cluster.properties.provisioningState = 'Succeeded';
            cluster.properties.currentKubernetesVersion = cluster.properties.kubernetesVersion;
            cluster.pools.forEach((p) => {
                p.properties.provisioningState = 'Succeeded';
                p.properties.currentOrchestratorVersion = p.properties.orchestratorVersion;
            });
        }, () => this.clusterJson(cluster));
        return { status: 200, body: this.clusterJson(cluster), headers };
    }

    private assertUpgradePath(from: string, to: string, what: string): void {
        const [a, b] = [from, to].map((v) => v.split('.').map(Number));
        const cmp = a[0] - b[0] || a[1] - b[1] || (a[2] ?? 0) - (b[2] ?? 0);
        if (cmp > 0) {
            throw aksError(409, 'OperationNotAllowed', `Downgrading the ${what} from ${from} to ${to} is not allowed.`, 'kubernetesVersion');
        }
        if (b[1] - a[1] > 1) {
            throw aksError(400, 'AgentPoolUpgradeVersionNotAllowed', `Upgrading the ${what} from ${from} to ${to} skips a minor version, which is not allowed. Upgrade one minor version at a time.`, 'orchestratorVersion');
        }
    }

    private snapshotFor(profile: Json): SnapshotRecord | undefined {
        const id = (profile.creationData as Json | undefined)?.sourceResourceId;
        if (typeof id !== 'string' || !id) {
            return undefined;
        }
        const snapshot = this.findSnapshot(id);
        if (!snapshot) {
            throw aksError(400, 'InvalidParameter', `The snapshot '${id}' was not found.`, 'creationData.sourceResourceId');
        }
        return snapshot;
    }

    /** Builds a new pool the way AKS fills it: defaults, the snapshot's image and version, checks AKS itself makes. */
    private newPool(cluster: ClusterRecord, name: string, input: Json): PoolRecord {
        const snapshot = this.snapshotFor(input);
        const osType = String(input.osType ?? snapshot?.properties.osType ?? 'Linux');
        const maxLength = osType === 'Windows' ? 6 : 12;
        if (!POOL_NAME.test(name) || name.length > maxLength) {
            throw aksError(400, 'InvalidParameter',
                `The value of parameter agentPoolProfile.name '${name}' is invalid. A ${osType} agent pool name must start with a lowercase letter and have at most ${maxLength} lowercase letters and digits.`, 'agentPoolProfile.name');
        }
        const mode = String(input.mode ?? 'User');
        if (mode === 'System' && osType !== 'Linux') {
            throw aksError(400, 'InvalidParameter', 'System node pool must be Linux. Windows agent pools can only be User pools.', 'agentPoolProfile.mode');
        }
        const controlPlane = String(cluster.properties.kubernetesVersion);
        const requested = input.orchestratorVersion ? String(input.orchestratorVersion) : snapshot ? String(snapshot.properties.kubernetesVersion) : controlPlane;
        if (isUpgrade(controlPlane, requested)) {
            throw aksError(400, 'InvalidParameter', `Node pool version ${requested} cannot be newer than the control plane version ${controlPlane}.`, 'agentPoolProfile.orchestratorVersion');
        }
        this.assertSupported(requested, cluster.location);
        const vmSize = String(input.vmSize || snapshot?.properties.vmSize || 'Standard_D4s_v5');
        const count = Number(input.count ?? 1);
        if (!Number.isInteger(count) || count < (mode === 'System' ? 1 : 0) || count > 1000) {
            throw aksError(400, 'InvalidParameter', `The value of parameter agentPoolProfile.count '${String(input.count)}' is invalid: ${mode} pools take ${mode === 'System' ? 1 : 0} to 1000 nodes.`, 'agentPoolProfile.count');
        }
        const osSku = input.osSKU ?? snapshot?.properties.osSku ?? (osType === 'Windows' ? 'Windows2022' : 'Ubuntu');
        const properties: Json = {
            maxPods: 110, osDiskSizeGB: 128, osDiskType: 'Managed', kubeletDiskType: 'OS', type: 'VirtualMachineScaleSets', enableAutoScaling: false,
            scaleDownMode: 'Delete', enableNodePublicIP: false, enableEncryptionAtHost: false, enableUltraSSD: false, enableFIPS: snapshot?.properties.enableFIPS ?? false,
            upgradeSettings: { maxSurge: '10%' },
            ...input,
            count, vmSize, osType, osSKU: osSku, mode,
            orchestratorVersion: requested, currentOrchestratorVersion: requested,
            nodeImageVersion: snapshot ? snapshot.properties.nodeImageVersion : latestNodeImage(osType, osSku as string, vmSize),
            provisioningState: 'Creating', powerState: { code: 'Running' },
        };
        delete properties.eTag;
        if (!snapshot) {
            delete properties.creationData;
        }
        return { name, properties, eTag: newETag() };
    }

    private clusterUpgradeProfile(cluster: ClusterRecord): Json {
        const versions = supportedKubernetesVersions(cluster.location);
        const current = String(cluster.properties.kubernetesVersion);
        const upgrades = (versions.values as Json[]).flatMap((v) => Object.keys(v.patchVersions as Json)).filter((v) => v !== current && isUpgrade(current, v));
        const profile = (name: string, osType: string) => ({ name, kubernetesVersion: current, osType, upgrades: upgrades.map((kubernetesVersion) => ({ kubernetesVersion })) });
        return {
            id: `${this.clusterId(cluster)}/upgradeprofiles/default`, name: 'default', type: 'Microsoft.ContainerService/managedClusters/upgradeprofiles',
            properties: {
                controlPlaneProfile: profile('', 'Linux'),
                agentPoolProfiles: [...cluster.pools.values()].map((p) => profile(p.name, String(p.properties.osType))),
            },
        };
    }

    private availableVersions(cluster: ClusterRecord): Json {
        const versions = (supportedKubernetesVersions(cluster.location).values as Json[]).flatMap((v) => Object.keys(v.patchVersions as Json).map((kubernetesVersion) => ({ kubernetesVersion, isPreview: v.isPreview ?? false, default: v.isDefault ?? false })));
        return {
            id: `${this.clusterId(cluster)}/availableagentpoolversions`, name: 'default', type: 'Microsoft.ContainerService/managedClusters/availableAgentpoolVersions',
            properties: { agentPoolVersions: versions },
        };
    }

    // ---- pools ----

    private pool(method: string, cluster: ClusterRecord, name: string, body: unknown, headers: Record<string, string>, origin: string): Result {
        const existing = cluster.pools.get(name.toLowerCase());
        if (method === 'GET') {
            if (!existing) {
                throw this.notFound('managedClusters/agentPools', `${cluster.name}/${name}`, cluster.resourceGroup);
            }
            return { status: 200, body: this.poolJson(cluster, existing) };
        }
        if (method === 'DELETE') {
            if (!existing) {
                return { status: 204 };
            }
            this.assertTerminal(existing.properties.provisioningState, `agent pool '${existing.name}'`);
            const systemPools = [...cluster.pools.values()].filter((p) => p.properties.mode === 'System');
            if (existing.properties.mode === 'System' && systemPools.length === 1) {
                throw aksError(400, 'OperationNotAllowed', 'The last System node pool of a cluster cannot be deleted.');
            }
            existing.properties.provisioningState = 'Deleting';
            const opHeaders = this.startOperation(cluster.subscriptionId, cluster.location, origin, () => cluster.pools.delete(name.toLowerCase()), () => ({}), true);
            return { status: 202, headers: opHeaders };
        }
        if (method !== 'PUT') {
            throw armError(405, 'MethodNotAllowed', `${method} is not supported on agent pools.`);
        }
        const props = ((body ?? {}) as Json).properties as Json | undefined ?? {};
        const ifMatch = headers['if-match'];
        if (ifMatch && ifMatch !== '*' && (!existing || existing.eTag !== ifMatch.replace(/^W\//, '').replace(/"/g, ''))) {
            throw aksError(412, 'PreconditionFailed', `Operation failed because the eTag '${ifMatch}' does not match the current eTag of agent pool '${name}'.`);
        }
        this.assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
        if (!existing) {
            const pool = this.newPool(cluster, name, props);
            cluster.pools.set(name.toLowerCase(), pool);
            const opHeaders = this.startOperation(cluster.subscriptionId, cluster.location, origin, () => {
                pool.properties.provisioningState = 'Succeeded';
            }, () => this.poolJson(cluster, pool));
            return { status: 201, body: this.poolJson(cluster, pool), headers: opHeaders };
        }
        this.assertTerminal(existing.properties.provisioningState, `agent pool '${existing.name}'`);
        const before = existing.properties;
        const current = String(before.currentOrchestratorVersion ?? before.orchestratorVersion);
        const wanted = props.orchestratorVersion ? String(props.orchestratorVersion) : current;
        const next: Json = { ...props };
        delete next.eTag;
        for (const readOnly of ['provisioningState', 'currentOrchestratorVersion', 'nodeImageVersion', 'powerState']) {
            next[readOnly] = before[readOnly];
        }
        let transitional = 'Updating';
        if (wanted !== current) {
            this.assertUpgradePath(current, wanted, 'agent pool');
            if (isUpgrade(String(cluster.properties.kubernetesVersion), wanted)) {
                throw aksError(400, 'AgentPoolUpgradeVersionNotAllowed', `Node pool version ${wanted} cannot be newer than the control plane version ${String(cluster.properties.kubernetesVersion)}.`, 'orchestratorVersion');
            }
            this.assertSupported(wanted, cluster.location);
            transitional = 'Upgrading';
            const snapshot = this.snapshotFor(props);
            next.nodeImageVersion = snapshot
                ? snapshot.properties.nodeImageVersion
                : latestNodeImage(String(before.osType), before.osSKU as string, String(before.vmSize));
            if (!snapshot) {
                delete next.creationData;
            }
        } else if (props.count !== before.count) {
            transitional = 'Scaling';
        }
        next.provisioningState = transitional;
        existing.properties = next;
        existing.eTag = newETag();
        const opHeaders = this.startOperation(cluster.subscriptionId, cluster.location, origin, () => {
            existing.properties.provisioningState = 'Succeeded';
            existing.properties.currentOrchestratorVersion = existing.properties.orchestratorVersion;
        }, () => this.poolJson(cluster, existing));
        return { status: 200, body: this.poolJson(cluster, existing), headers: opHeaders };
    }

    private poolUpgradeProfile(cluster: ClusterRecord, pool: PoolRecord): Json {
        const current = String(pool.properties.currentOrchestratorVersion ?? pool.properties.orchestratorVersion);
        const controlPlane = String(cluster.properties.kubernetesVersion);
        const upgrades = (supportedKubernetesVersions(cluster.location).values as Json[]).flatMap((v) => Object.keys(v.patchVersions as Json))
            .filter((v) => isUpgrade(current, v) && !isUpgrade(controlPlane, v));
        return {
            id: `${this.clusterId(cluster)}/agentPools/${pool.name}/upgradeProfiles/default`, name: 'default',
            type: 'Microsoft.ContainerService/managedClusters/agentPools/upgradeProfiles',
            properties: {
                kubernetesVersion: current, osType: pool.properties.osType,
                latestNodeImageVersion: latestNodeImage(String(pool.properties.osType), pool.properties.osSKU as string, String(pool.properties.vmSize)),
                upgrades: upgrades.map((kubernetesVersion) => ({ kubernetesVersion })),
            },
        };
    }

    private upgradeNodeImage(cluster: ClusterRecord, pool: PoolRecord, headers: Record<string, string>, origin: string): Result {
        this.assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
        this.assertTerminal(pool.properties.provisioningState, `agent pool '${pool.name}'`);
        const snapshotId = headers.akssnapshotid;
        const p = pool.properties;
        if (snapshotId) {
            const snapshot = this.findSnapshot(snapshotId);
            if (!snapshot) {
                throw aksError(400, 'InvalidParameter', `The snapshot '${snapshotId}' was not found.`, 'AKSSnapshotId');
            }
            const poolVersion = String(p.currentOrchestratorVersion ?? p.orchestratorVersion);
            if (snapshot.properties.kubernetesVersion !== poolVersion) {
                throw aksError(400, 'InvalidParameter', `A node image upgrade needs a snapshot of the pool's Kubernetes version ${poolVersion}; the snapshot has ${String(snapshot.properties.kubernetesVersion)}.`, 'AKSSnapshotId');
            }
            p.nodeImageVersion = snapshot.properties.nodeImageVersion;
            p.creationData = { sourceResourceId: snapshotId };
        } else {
            // Without a snapshot the pool moves to the latest image and leaves its snapshot (R7).
            p.nodeImageVersion = latestNodeImage(String(p.osType), p.osSKU as string, String(p.vmSize));
            delete p.creationData;
        }
        p.provisioningState = 'UpgradingNodeImageVersion';
        pool.eTag = newETag();
        const opHeaders = this.startOperation(cluster.subscriptionId, cluster.location, origin, () => {
            pool.properties.provisioningState = 'Succeeded';
        }, () => this.poolJson(cluster, pool), true);
        return { status: 202, body: this.poolJson(cluster, pool), headers: opHeaders };
    }
}

function isUpgrade(from: string, to: string): boolean {
    const [a, b] = [from, to].map((v) => v.split('.').map(Number));
    return (b[0] - a[0] || b[1] - a[1] || (b[2] ?? 0) - (a[2] ?? 0)) > 0;
}
