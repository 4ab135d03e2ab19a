import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, Pipeline } from '@azure/core-rest-pipeline';
import type { Subscription } from '../model/aks';
import { AzureRequestError } from './azureErrors';
import { armScope, AzureCloud } from './clouds';
import { fetchHttpClient } from './fetchHttpClient';
import { IdentitySdk, loadIdentity } from './loadSdk';
import { DEFAULT_LIMITS, PageGuard, RequestLimits, retryAfterMs, secureArmPipeline } from './requestPolicies';

type Json = Record<string, unknown>;

const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

/** A directory the account belongs to (ARM's "Tenants - List"). */
export interface Tenant {
    readonly tenantId: string;
    readonly name: string;
    readonly defaultDomain?: string;
}

/** One client for every reader: its connections are kept alive and reused across subscriptions (`fetchHttpClient`). */
let sharedHttpClient: HttpClient | undefined;

/**
 * Reads from Azure Resource Manager as raw JSON: through the product's pipeline (the credential's token, ARM's origin
 * only, timeouts, read retries with a Retry-After ceiling, the bound on requests in flight) and, for lists, the page
 * guard. No SDK model or deserializer: a page is `JSON.parse`d once and its items mapped by the caller to what it
 * shows, so the tree's reads need only the credentials' bundle, never the SDKs writes use.
 */
export class ArmReader {
    private constructor(
        private readonly sdk: IdentitySdk,
        private readonly pipeline: Pipeline,
        private readonly httpClient: HttpClient,
        private readonly cloud: AzureCloud,
    ) {}

    static async create(credential: TokenCredential, cloud: AzureCloud, limits: RequestLimits = DEFAULT_LIMITS): Promise<ArmReader> {
        const sdk = await loadIdentity();
        const pipeline = sdk.createPipelineFromOptions({});
        // Spans for a tracer the product never installs (it sends no telemetry): a cost on every read, and nothing else.
        pipeline.removePolicy({ name: 'tracingPolicy' });
        pipeline.addPolicy(sdk.bearerTokenAuthenticationPolicy({ credential, scopes: [armScope(cloud)] }));
        secureArmPipeline(pipeline, cloud.resourceManagerEndpointUrl, limits);
        sharedHttpClient ??= fetchHttpClient(sdk.createHttpHeaders);
        return new ArmReader(sdk, pipeline, sharedHttpClient, cloud);
    }

    /** A GET answered with success, as JSON; else an `AzureRequestError` with Azure's code, message and request id. */
    async get(path: string, apiVersion?: string): Promise<Json> {
        const url = new URL(path, this.cloud.resourceManagerEndpointUrl);
        if (apiVersion && !url.searchParams.has('api-version')) {
            url.searchParams.set('api-version', apiVersion);
        }
        const request = this.sdk.createPipelineRequest({ url: url.toString(), method: 'GET' });
        const response = await this.pipeline.sendRequest(this.httpClient, request);
        const body = parseBody(response.bodyAsText);
        if (response.status < 200 || response.status > 299) {
            const header = (name: string): string | undefined => response.headers.get(name);
            throw new AzureRequestError(response.status, body, header('x-ms-request-id'), retryAfterMs(header));
        }
        return (body && typeof body === 'object' ? body : {}) as Json;
    }

    /**
     * Every item of a list, page after page; `onPage` has each page's items as it arrives (a tree can show them
     * at once). A next page is asked only once the page guard let its link pass.
     */
    async list(what: string, path: string, apiVersion: string, onPage?: (items: Json[]) => void): Promise<Json[]> {
        const guard = new PageGuard(what, this.cloud.resourceManagerEndpointUrl);
        const items: Json[] = [];
        let link: string | undefined = path;
        while (link) {
            const page = (await this.get(link, apiVersion)) as { value?: Json[]; nextLink?: string };
            const value = Array.isArray(page.value) ? page.value : [];
            items.push(...value);
            if (value.length) {
                onPage?.(value);
            }
            link = page.nextLink ? guard.next(page.nextLink).toString() : undefined;
        }
        return items;
    }
}

/** An answer's body as JSON; text that is not JSON (a proxy's HTML page) stays text, for the error to read. */
function parseBody(text: string | undefined | null): unknown {
    if (!text) {
        return undefined;
    }
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

/** The enabled subscriptions the credential's tenant holds. */
export async function listSubscriptionsWith(
    credential: TokenCredential,
    cloud: AzureCloud,
    limits: RequestLimits = DEFAULT_LIMITS,
): Promise<Subscription[]> {
    const reader = await ArmReader.create(credential, cloud, limits);
    const listed = await reader.list('subscriptions', '/subscriptions', SUBSCRIPTIONS_API_VERSION);
    return listed
        .filter((s) => typeof s.subscriptionId === 'string' && s.subscriptionId && s.state !== 'Disabled')
        .map((s) => ({
            subscriptionId: String(s.subscriptionId),
            name: String(s.displayName ?? s.subscriptionId),
            tenantId: typeof s.tenantId === 'string' ? s.tenantId : '',
        }));
}

/** The tenants the credential's account belongs to. */
export async function listTenantsWith(
    credential: TokenCredential,
    cloud: AzureCloud,
    limits: RequestLimits = DEFAULT_LIMITS,
): Promise<Tenant[]> {
    const reader = await ArmReader.create(credential, cloud, limits);
    const listed = await reader.list('tenants', '/tenants', SUBSCRIPTIONS_API_VERSION);
    return listed
        .filter((t) => typeof t.tenantId === 'string' && t.tenantId)
        .map((t) => ({
            tenantId: String(t.tenantId),
            name: String(t.displayName ?? t.defaultDomain ?? t.tenantId),
            defaultDomain: typeof t.defaultDomain === 'string' ? t.defaultDomain : undefined,
        }));
}
