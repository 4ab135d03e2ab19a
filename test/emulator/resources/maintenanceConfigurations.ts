import { aksError, Json } from '../http';
import type { RouteTable } from '../routes';
import { clusterId, ClusterRecord } from '../shapes';
import { findCluster } from './agentPools';
import { Context, page } from './context';

/**
 * A cluster's maintenance configurations (REST spec 2026-04-01, `MaintenanceConfigurations_*`): `default` holds
 * `timeInWeek` slots; `aksManagedAutoUpgradeSchedule` and `aksManagedNodeOSUpgradeSchedule` hold a `maintenanceWindow`
 * for the two automatic channels (AKS docs, "Use Planned Maintenance to schedule and control upgrades").
 */
export function registerMaintenanceConfigurations(table: RouteTable, context: Context): void {
    const base =
        '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/managedClusters/{cluster}/maintenanceConfigurations';
    table.add('maintenanceConfigurations.list', 'GET', base, (request, params) => {
        const cluster = findCluster(context.state(), params);
        return page(
            context,
            request,
            [...configurations(cluster)].map(([name, properties]) => configurationJson(cluster, name, properties)),
        );
    });
    table.add('maintenanceConfigurations.get', 'GET', `${base}/{config}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        const found = [...configurations(cluster)].find(([name]) => name.toLowerCase() === params.config.toLowerCase());
        if (!found) {
            throw aksError(
                404,
                'NotFound',
                `Maintenance configuration '${params.config}' of managed cluster '${cluster.name}' was not found.`,
            );
        }
        return { status: 200, body: configurationJson(cluster, found[0], found[1]) };
    });
    table.add('maintenanceConfigurations.put', 'PUT', `${base}/{config}`, (request, params) => {
        const cluster = findCluster(context.state(), params);
        const properties = (((request.body ?? {}) as Json).properties as Json | undefined) ?? {};
        assertConfiguration(params.config, properties);
        const existing = [...configurations(cluster).keys()].find((name) => name.toLowerCase() === params.config.toLowerCase());
        configurations(cluster).set(existing ?? params.config, properties);
        return { status: existing ? 200 : 201, body: configurationJson(cluster, existing ?? params.config, properties) };
    });
    table.add('maintenanceConfigurations.delete', 'DELETE', `${base}/{config}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        const existing = [...configurations(cluster).keys()].find((name) => name.toLowerCase() === params.config.toLowerCase());
        return existing && configurations(cluster).delete(existing) ? { status: 200 } : { status: 204 };
    });
}

function configurations(cluster: ClusterRecord): Map<string, Json> {
    return (cluster.maintenance ??= new Map());
}

function configurationJson(cluster: ClusterRecord, name: string, properties: Json): Json {
    return {
        id: `${clusterId(cluster)}/maintenanceConfigurations/${name}`,
        name,
        type: 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations',
        properties,
    };
}

/**
 * The REST spec's limits on a window (`MaintenanceWindow`: `schedule`, `durationHours` 4–24, `startTime` `HH:mm`
 * required; a `Schedule` has exactly one of its four kinds); the two `aksManaged…` names take a window, `default` slots.
 */
function assertConfiguration(name: string, properties: Json): void {
    const window = properties.maintenanceWindow as Json | undefined;
    if (name.toLowerCase().startsWith('aksmanaged') && !window) {
        throw aksError(
            400,
            'InvalidParameter',
            `Maintenance configuration '${name}' needs a maintenanceWindow.`,
            'properties.maintenanceWindow',
        );
    }
    if (!window) {
        return;
    }
    const hours = Number(window.durationHours);
    if (!Number.isInteger(hours) || hours < 4 || hours > 24) {
        throw aksError(
            400,
            'InvalidParameter',
            `maintenanceWindow.durationHours ${String(window.durationHours)} is invalid: it must be 4 to 24.`,
            'properties.maintenanceWindow.durationHours',
        );
    }
    if (!/^\d{2}:\d{2}$/.test(String(window.startTime ?? ''))) {
        throw aksError(
            400,
            'InvalidParameter',
            `maintenanceWindow.startTime '${String(window.startTime)}' is invalid: HH:mm.`,
            'properties.maintenanceWindow.startTime',
        );
    }
    const kinds = Object.keys((window.schedule ?? {}) as Json).filter((k) =>
        ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly'].includes(k),
    );
    if (kinds.length !== 1) {
        throw aksError(
            400,
            'InvalidParameter',
            'maintenanceWindow.schedule must have exactly one of daily, weekly, absoluteMonthly or relativeMonthly.',
            'properties.maintenanceWindow.schedule',
        );
    }
}
