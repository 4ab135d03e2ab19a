import { assertTags, isResourceGroupName } from '../aksRules';
import { armError, checkConditions, key } from '../http';
import type { RouteTable } from '../routes';
import { resourceGroupJson } from '../shapes';
import { Context, page } from './context';

/** Resource groups (Microsoft.Resources): list, read, create. */
export function registerResourceGroups(table: RouteTable, context: Context): void {
    const base = '/subscriptions/{subscriptionId}/resourcegroups';
    table.add('resourceGroups.list', 'GET', base, (request, params) => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        return page(context, request, [...state.resourceGroups.values()].filter((g) => g.subscriptionId === sub).map(resourceGroupJson));
    });
    table.add('resourceGroups.get', 'GET', `${base}/{resourceGroup}`, (request, params) => {
        const state = context.state();
        const group = state.group(state.subscription(params.subscriptionId).subscriptionId, params.resourceGroup);
        return request.method === 'HEAD' ? { status: 204 } : { status: 200, body: resourceGroupJson(group) };
    });
    table.add('resourceGroups.put', 'PUT', `${base}/{resourceGroup}`, (request, params) => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        const name = params.resourceGroup;
        if (!isResourceGroupName(name)) {
            throw armError(
                400,
                'InvalidResourceGroup',
                `The provided resource group name '${name}' has these invalid characters or is too long.`,
            );
        }
        const location = (request.body as { location?: unknown } | undefined)?.location;
        if (typeof location !== 'string' || !location) {
            throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
        }
        assertTags((request.body as { tags?: unknown } | undefined)?.tags);
        const existing = state.resourceGroups.get(key(sub, name));
        // Resource groups have no eTag: If-None-Match: * alone applies.
        checkConditions(request, existing ? { eTag: '\u0000' } : undefined, `resource group '${name}'`);
        if (existing && existing.location.toLowerCase() !== location.toLowerCase()) {
            throw armError(
                409,
                'InvalidResourceGroupLocation',
                `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`,
            );
        }
        const group = existing ?? { subscriptionId: sub, name, location };
        state.resourceGroups.set(key(sub, name), group);
        return { status: existing ? 200 : 201, body: resourceGroupJson(group) };
    });
}
