import {
    assertAutoUpgradeProfile,
    assertClusterName,
    assertClusterOptions,
    assertTags,
    assertDnsPrefix,
    assertDnsPrefixUnchanged,
    assertHasSystemPool,
    assertSupported,
    assertRunning,
    assertTerminal,
    assertUpgradePath,
    isLongTermSupport,
    isUpgrade,
    supportedPatches,
} from '../aksRules';
import { armError, ArmRequest, checkConditions, Json, key, newETag } from '../http';
import type { RouteTable } from '../routes';
import { latestNodeImageOf, supportedKubernetesVersions } from '../seeds';
import { ClusterRecord, clusterId, clusterJson, defaultClusterProperties, guidOf } from '../shapes';
import { abortLatestOperation, findCluster, newPool, notFound, snapshotFor } from './agentPools';
import { Context, page, startOperation } from './context';

/**
 * What a cluster PUT may not set: AKS keeps its own values. Source: the REST spec (2026-04-01) marks these
 * `readOnly`, and says of `dnsPrefix` "This cannot be updated once the Managed Cluster has been created"; pools
 * change through the agent pool API (AKS docs, "Create node pools": a cluster PUT does not add or remove pools).
 */
const READ_ONLY = [
    'provisioningState',
    'powerState',
    'currentKubernetesVersion',
    'fqdn',
    'azurePortalFQDN',
    'nodeResourceGroup',
    'maxAgentPools',
    'identityProfile',
    'resourceUID',
    'agentPoolProfiles',
    'dnsPrefix',
];

/** Managed clusters, their versions and upgrade profiles, and the region's Kubernetes versions. */
export function registerManagedClusters(table: RouteTable, context: Context): void {
    const provider = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService';
    const inGroup = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/managedClusters';
    table.add('managedClusters.listBySubscription', 'GET', `${provider}/managedClusters`, (request, params) => {
        const state = context.state();
        return page(context, request, state.clustersIn(state.subscription(params.subscriptionId).subscriptionId).map(clusterJson));
    });
    table.add('managedClusters.listByResourceGroup', 'GET', inGroup, (request, params) => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        const group = state.group(sub, params.resourceGroup);
        return page(
            context,
            request,
            state
                .clustersIn(sub)
                .filter((c) => c.resourceGroup.toLowerCase() === group.name.toLowerCase())
                .map(clusterJson),
        );
    });
    table.add('kubernetesVersions.list', 'GET', `${provider}/locations/{location}/kubernetesVersions`, (_request, params) => {
        context.state().subscription(params.subscriptionId);
        return { status: 200, body: supportedKubernetesVersions(params.location) };
    });
    table.add('orchestrators.list', 'GET', `${provider}/locations/{location}/orchestrators`, (_request, params) => {
        // The older form `az aks get-versions` (2.45) reads.
        const sub = context.state().subscription(params.subscriptionId).subscriptionId;
        const values = supportedKubernetesVersions(params.location).values as Json[];
        const orchestrators = values.flatMap((minor) =>
            Object.entries(minor.patchVersions as Record<string, { upgrades: string[] }>).map(([version, patch]) => ({
                orchestratorType: 'Kubernetes',
                orchestratorVersion: version,
                ...(minor.isDefault ? { default: true } : {}),
                ...(minor.isPreview ? { isPreview: true } : {}),
                upgrades: patch.upgrades.map((orchestratorVersion) => ({
                    orchestratorType: 'Kubernetes',
                    orchestratorVersion,
                    ...(orchestratorVersion.startsWith('1.35') ? { isPreview: true } : {}),
                })),
            })),
        );
        return {
            status: 200,
            body: {
                id: `/subscriptions/${sub}/providers/Microsoft.ContainerService/locations/${params.location}/orchestrators`,
                name: 'default',
                type: 'Microsoft.ContainerService/locations/orchestrators',
                properties: { orchestrators },
            },
        };
    });
    table.add('managedClusters.get', 'GET', `${inGroup}/{cluster}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        return { status: 200, body: clusterJson(cluster), headers: { etag: cluster.eTag } };
    });
    table.add('managedClusters.put', 'PUT', `${inGroup}/{cluster}`, (request, params) => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        const group = state.group(sub, params.resourceGroup);
        const existing = state.clusters.get(key(sub, group.name, params.cluster));
        checkConditions(request, existing, `managed cluster '${params.cluster}'`);
        assertTags((request.body as Json | undefined)?.tags);
        return existing ? updateCluster(context, request, existing) : createCluster(context, request, sub, group.name, params.cluster);
    });
    table.add('managedClusters.delete', 'DELETE', `${inGroup}/{cluster}`, (request, params) => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        const k = key(sub, params.resourceGroup, params.cluster);
        const existing = state.clusters.get(k);
        checkConditions(request, existing, `managed cluster '${params.cluster}'`);
        if (!existing) {
            return { status: 204 };
        }
        assertTerminal(existing.properties.provisioningState, `managed cluster '${existing.name}'`);
        existing.properties.provisioningState = 'Deleting';
        existing.eTag = newETag();
        const headers = startOperation(context, request, {
            subscriptionId: sub,
            location: existing.location,
            resourceId: clusterId(existing),
            kind: 'DELETE',
            settle: (status) => (status === 'Succeeded' ? state.clusters.delete(k) : (existing.properties.provisioningState = status)),
            result: () => ({}),
            withLocation: true,
        });
        return { status: 202, headers };
    });
    table.add('managedClusters.abortLatestOperation', 'POST', `${inGroup}/{cluster}/abort`, (request, params) => {
        const cluster = findCluster(context.state(), params);
        return abortLatestOperation(
            context,
            request,
            clusterId(cluster),
            cluster.properties,
            cluster.location,
            `managed cluster '${cluster.name}'`,
        );
    });
    table.add('managedClusters.upgradeProfile', 'GET', `${inGroup}/{cluster}/upgradeProfiles/{profile}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        const current = String(cluster.properties.kubernetesVersion);
        const upgrades = supportedPatches(cluster.location, isLongTermSupport(cluster.properties)).filter(
            (v) => v !== current && isUpgrade(current, v),
        );
        const profile = (name: string, osType: string) => ({
            name,
            kubernetesVersion: current,
            osType,
            upgrades: upgrades.map((kubernetesVersion) => ({ kubernetesVersion })),
        });
        return {
            status: 200,
            body: {
                id: `${clusterId(cluster)}/upgradeprofiles/default`,
                name: 'default',
                type: 'Microsoft.ContainerService/managedClusters/upgradeprofiles',
                properties: {
                    controlPlaneProfile: profile('', 'Linux'),
                    agentPoolProfiles: [...cluster.pools.values()].map((p) => profile(p.name, String(p.properties.osType))),
                },
            },
        };
    });
    table.add(
        'managedClusters.availableAgentPoolVersions',
        'GET',
        `${inGroup}/{cluster}/availableAgentPoolVersions`,
        (_request, params) => {
            const cluster = findCluster(context.state(), params);
            // The region's versions for the cluster's support plan: LTS-only minors only on long-term support.
            const offered = supportedPatches(cluster.location, isLongTermSupport(cluster.properties));
            const versions = (supportedKubernetesVersions(cluster.location).values as Json[]).flatMap((v) =>
                Object.keys(v.patchVersions as Json)
                    .filter((kubernetesVersion) => offered.includes(kubernetesVersion))
                    .map((kubernetesVersion) => ({ kubernetesVersion, isPreview: v.isPreview ?? false, default: v.isDefault ?? false })),
            );
            return {
                status: 200,
                body: {
                    id: `${clusterId(cluster)}/availableagentpoolversions`,
                    name: 'default',
                    type: 'Microsoft.ContainerService/managedClusters/availableAgentpoolVersions',
                    properties: { agentPoolVersions: versions },
                },
            };
        },
    );
}

function createCluster(context: Context, request: ArmRequest, sub: string, resourceGroup: string, name: string) {
    const state = context.state();
    assertClusterName(name);
    const input = (request.body ?? {}) as Json;
    const props = (input.properties ?? {}) as Json;
    const location = String(input.location ?? '');
    if (!location) {
        throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
    }
    const dnsPrefix = String(props.dnsPrefix ?? '');
    assertDnsPrefix(dnsPrefix);
    const profiles = (props.agentPoolProfiles ?? []) as Json[];
    const system = assertHasSystemPool(profiles);
    const firstSnapshot = snapshotFor(state, system);
    const version = String(props.kubernetesVersion || (firstSnapshot ? firstSnapshot.properties.kubernetesVersion : '1.34.1'));
    assertSupported(version, location, isLongTermSupport(props));
    const properties = defaultClusterProperties(sub, resourceGroup, name, location, version, dnsPrefix);
    const autoUpgradeProfile = { ...(properties.autoUpgradeProfile as Json), ...((props.autoUpgradeProfile ?? {}) as Json) };
    assertAutoUpgradeProfile(autoUpgradeProfile);
    assertClusterOptions(input);
    for (const [field, value] of Object.entries(props)) {
        if (!READ_ONLY.includes(field) && value !== undefined && field !== 'kubernetesVersion') {
            properties[field] = value;
        }
    }
    if (props.networkProfile) {
        // AKS fills what the request leaves out, for the plugin asked for.
        const defaults = { ...(defaultClusterProperties(sub, resourceGroup, name, location, version, dnsPrefix).networkProfile as Json) };
        delete defaults.networkPlugin;
        delete defaults.networkPluginMode;
        properties.networkProfile = { ...defaults, ...(props.networkProfile as Json) };
    }
    Object.assign(properties, {
        autoUpgradeProfile,
        provisioningState: 'Creating',
        kubernetesVersion: version,
        currentKubernetesVersion: version,
    });
    const cluster: ClusterRecord = {
        subscriptionId: sub,
        resourceGroup,
        name,
        location,
        tags: (input.tags ?? {}) as Record<string, string>,
        identity: { type: 'SystemAssigned', principalId: guidOf(name, 'principal'), tenantId: state.tenantId },
        sku: (input.sku as Json | undefined) ?? { name: 'Base', tier: 'Free' },
        properties,
        eTag: newETag(),
        pools: new Map(),
    };
    for (const profile of profiles) {
        const poolName = String(profile.name ?? '');
        const rest: Json = { ...profile };
        delete rest.name;
        cluster.pools.set(poolName.toLowerCase(), newPool(state, cluster, poolName, rest));
    }
    state.clusters.set(key(sub, resourceGroup, name), cluster);
    const headers = startOperation(context, request, {
        subscriptionId: sub,
        location,
        resourceId: clusterId(cluster),
        kind: 'PUT',
        settle: (status) => {
            cluster.properties.provisioningState = status;
            cluster.pools.forEach((p) => (p.properties.provisioningState = status));
        },
        result: () => clusterJson(cluster),
    });
    return { status: 201, body: clusterJson(cluster), headers: { ...headers, etag: cluster.eTag } };
}

/**
 * A PUT of an existing cluster: a Kubernetes upgrade (every pool moves to the latest image, R7) or a settings update.
 * Source: AKS docs, "Upgrade an AKS cluster" (a cluster upgrade upgrades the control plane and every node pool, each
 * to the latest node image of the version) and "Node pool snapshots" (an upgrade without a snapshot leaves it).
 */
function updateCluster(context: Context, request: ArmRequest, cluster: ClusterRecord) {
    assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
    assertRunning(cluster.properties.powerState, `managed cluster '${cluster.name}'`);
    const input = (request.body ?? {}) as Json;
    const props = (input.properties ?? {}) as Json;
    const current = String(cluster.properties.kubernetesVersion);
    const wanted = props.kubernetesVersion === undefined || props.kubernetesVersion === '' ? current : String(props.kubernetesVersion);
    assertDnsPrefixUnchanged(props.dnsPrefix, cluster.properties.dnsPrefix);
    if (props.autoUpgradeProfile !== undefined) {
        assertAutoUpgradeProfile(props.autoUpgradeProfile as Json);
    }
    for (const [field, value] of Object.entries(props)) {
        if (!READ_ONLY.includes(field) && field !== 'kubernetesVersion' && value !== undefined) {
            cluster.properties[field] = value;
        }
    }
    if (input.tags !== undefined) {
        cluster.tags = input.tags as Record<string, string>;
    }
    if (wanted !== current) {
        assertUpgradePath(current, wanted, 'managed cluster');
        assertSupported(wanted, cluster.location, isLongTermSupport(cluster.properties));
        cluster.properties.kubernetesVersion = wanted;
        cluster.properties.provisioningState = 'Upgrading';
        // A cluster upgrade moves every pool to the latest image and drops every snapshot link (R7).
        cluster.pools.forEach((p) => {
            p.properties.orchestratorVersion = wanted;
            p.properties.provisioningState = 'Upgrading';
            p.properties.nodeImageVersion = latestNodeImageOf(p.properties, cluster.location);
            delete p.properties.creationData;
            p.eTag = newETag();
        });
    } else {
        cluster.properties.provisioningState = 'Updating';
    }
    cluster.eTag = newETag();
    const headers = startOperation(context, request, {
        subscriptionId: cluster.subscriptionId,
        location: cluster.location,
        resourceId: clusterId(cluster),
        kind: 'PUT',
        settle: (status) => {
            cluster.properties.provisioningState = status;
            if (status === 'Succeeded') {
                cluster.properties.currentKubernetesVersion = cluster.properties.kubernetesVersion;
            }
            cluster.pools.forEach((p) => {
                if (p.properties.provisioningState === 'Upgrading') {
                    p.properties.provisioningState = status;
                    if (status === 'Succeeded') {
                        p.properties.currentOrchestratorVersion = p.properties.orchestratorVersion;
                    }
                }
            });
        },
        result: () => clusterJson(cluster),
    });
    return { status: 200, body: clusterJson(cluster), headers: { ...headers, etag: cluster.eTag } };
}

export { notFound };
