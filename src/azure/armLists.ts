import type { TokenCredential } from '@azure/core-auth';
import type { Subscription } from '../model/aks';
import { armScope, AzureCloud } from './clouds';
import { loadSdk } from './loadSdk';
import { DEFAULT_LIMITS, PageGuard, RequestLimits, secureArmPipeline } from './requestPolicies';

/** A directory the account belongs to (ARM's "Tenants - List"). */
export interface Tenant {
    readonly tenantId: string;
    readonly name: string;
    readonly defaultDomain?: string;
}

/**
 * The subscription and tenant lists, read as every other list is: through the product's pipeline (ARM's origin
 * only, timeouts, read retries with a Retry-After ceiling, the bound on requests in flight) and the page guard.
 */
async function subscriptionClient(credential: TokenCredential, cloud: AzureCloud, limits: RequestLimits) {
    const sdk = await loadSdk();
    const client = new sdk.SubscriptionClient(credential, {
        endpoint: cloud.resourceManagerEndpointUrl,
        credentialScopes: [armScope(cloud)],
    });
    secureArmPipeline(client.pipeline, cloud.resourceManagerEndpointUrl, limits);
    return { client, nextLinkOf: sdk.subscriptionsNextLink };
}

/** Every page of a list, each next page asked only once the page guard let its link pass. */
async function allPages<T>(
    what: string,
    cloud: AzureCloud,
    pages: AsyncIterable<T[]>,
    nextLinkOf: (page: unknown) => string | undefined,
): Promise<T[]> {
    const guard = new PageGuard(what, cloud.resourceManagerEndpointUrl);
    const items: T[] = [];
    for await (const page of pages) {
        items.push(...page);
        const next = nextLinkOf(page);
        if (next) {
            guard.next(next);
        }
    }
    return items;
}

/** The enabled subscriptions the credential's tenant holds. */
export async function listSubscriptionsWith(
    credential: TokenCredential,
    cloud: AzureCloud,
    limits: RequestLimits = DEFAULT_LIMITS,
): Promise<Subscription[]> {
    const { client, nextLinkOf } = await subscriptionClient(credential, cloud, limits);
    const listed = await allPages('subscriptions', cloud, client.subscriptions.list().byPage(), nextLinkOf);
    return listed
        .filter((s) => s.subscriptionId && s.state !== 'Disabled')
        .map((s) => ({
            subscriptionId: s.subscriptionId ?? '',
            name: s.displayName ?? s.subscriptionId ?? '',
            tenantId: s.tenantId ?? '',
        }));
}

/** The tenants the credential's account belongs to. */
export async function listTenantsWith(
    credential: TokenCredential,
    cloud: AzureCloud,
    limits: RequestLimits = DEFAULT_LIMITS,
): Promise<Tenant[]> {
    const { client, nextLinkOf } = await subscriptionClient(credential, cloud, limits);
    const listed = await allPages('tenants', cloud, client.tenants.list().byPage(), nextLinkOf);
    return listed
        .filter((t) => t.tenantId)
        .map((t) => ({
            tenantId: t.tenantId ?? '',
            name: t.displayName ?? t.defaultDomain ?? t.tenantId ?? '',
            defaultDomain: t.defaultDomain,
        }));
}
