import type { RouteTable } from '../routes';
import type { SeedSubscription } from '../seeds';
import { Context, page } from './context';

export const LOCATIONS: readonly [string, string, string][] = [
    ['eastus', 'East US', 'US'],
    ['westus2', 'West US 2', 'US'],
    ['westeurope', 'West Europe', 'Europe'],
    ['northeurope', 'North Europe', 'Europe'],
    ['japaneast', 'Japan East', 'Asia Pacific'],
];

/** Subscriptions, tenants and locations (Microsoft.Resources). */
export function registerSubscriptions(table: RouteTable, context: Context): void {
    const json = (s: SeedSubscription) => ({
        id: `/subscriptions/${s.subscriptionId}`,
        subscriptionId: s.subscriptionId,
        displayName: s.displayName,
        state: 'Enabled',
        tenantId: context.state().tenantOf(s),
        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
        authorizationSource: 'RoleBased',
    });
    // "Subscriptions - List" answers the subscriptions of the token's tenant; "Tenants - List" every tenant the
    // identity is in, whichever tenant the token is from (ARM REST reference, Microsoft.Resources 2022-12-01).
    table.add('subscriptions.list', 'GET', '/subscriptions', (request) =>
        page(
            context,
            request,
            context
                .state()
                .subscriptions.filter((s) => context.state().tenantOf(s) === request.tokenTenant)
                .map(json),
        ),
    );
    table.add('tenants.list', 'GET', '/tenants', (request) => {
        const { tenants } = context.state();
        return page(
            context,
            request,
            tenants.map((t) => ({
                id: `/tenants/${t.tenantId}`,
                tenantId: t.tenantId,
                tenantCategory: 'Home',
                displayName: t.displayName,
                defaultDomain: t.defaultDomain,
                domains: [t.defaultDomain],
                tenantType: 'AAD',
            })),
        );
    });
    table.add('subscriptions.get', 'GET', '/subscriptions/{subscriptionId}', (_request, params) => ({
        status: 200,
        body: json(context.state().subscription(params.subscriptionId)),
    }));
    table.add('locations.list', 'GET', '/subscriptions/{subscriptionId}/locations', (request, params) => {
        const sub = context.state().subscription(params.subscriptionId).subscriptionId;
        return page(
            context,
            request,
            LOCATIONS.map(([name, displayName, geography]) => ({
                id: `/subscriptions/${sub}/locations/${name}`,
                name,
                displayName,
                regionalDisplayName: `(${geography}) ${displayName}`,
                type: 'Region',
                metadata: { regionType: 'Physical', regionCategory: 'Recommended', geographyGroup: geography },
            })),
        );
    });
}
