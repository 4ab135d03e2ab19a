import { armError } from '../http';
import type { RouteTable } from '../routes';
import { resourceSkus } from '../vmSizes';
import { Context, page } from './context';
import { LOCATIONS } from './subscriptions';

/** Compute resource SKUs (`az vm list-skus`), filtered to one region with `$filter=location eq '<region>'`. */
export function registerSkus(table: RouteTable, context: Context): void {
    table.add('skus.list', 'GET', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus', (request, params) => {
        context.state().subscription(params.subscriptionId);
        const filter = request.url.searchParams.get('$filter');
        let regions = LOCATIONS.map(([name]) => name);
        if (filter) {
            const m = /^\s*location\s+eq\s+'([^']*)'\s*$/i.exec(filter);
            if (!m) {
                throw armError(400, 'InvalidFilter', `The $filter '${filter}' is not supported: use "location eq '<region>'".`);
            }
            regions = regions.filter((r) => r === m[1].toLowerCase());
        }
        return page(context, request, regions.flatMap(resourceSkus));
    });
}
