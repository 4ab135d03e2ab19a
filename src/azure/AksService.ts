import * as l10n from '@vscode/l10n';
import type { ContainerServiceContext } from '@azure/arm-containerservice/api';
import type { ContainerServiceFleetContext } from '@azure/arm-containerservicefleet/api';
import type { HttpClient, Pipeline } from '@azure/core-rest-pipeline';
import type { Cluster, NewCluster, NewNodePool, NodePool, Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';
import type { UpgradeChannels } from '../model/channels';
import type { FleetMember, Fleet, UpdateRun } from '../model/fleet';
import { clusterChanges, describeChanges, FieldChange, poolChanges, snapshotChanges } from '../model/changes';
import { clusterOptionsBody, clusterOptionsSent, poolOptionsBody, UpgradeSettings } from '../model/poolOptions';
import type { MaintenanceConfiguration } from '../model/maintenance';
import type { RecentlyUsedVersion } from '../model/rollback';
import type { OfferedVersion } from '../model/versions';
import { parseVmSizeFacts, VmSizeFacts } from '../model/vmSize';
import type { AzureSession } from './AzureAccount';
import { ArmReader } from './armLists';
import { AzureRequestError, LostAnswerError, OperationEndedError, ResourceChangedError } from './azureErrors';
import { armScope } from './clouds';
import { loadSdk, Sdk } from './loadSdk';
import {
    toFleetFromJson,
    toFleetMemberFromJson,
    toUpdateRunFromJson,
    toCluster,
    toClusterFromJson,
    toNodePoolFromAgentPool,
    toNodePoolFromJson,
    toSnapshot,
    toSnapshotFromJson,
} from './mappers';
import { DEFAULT_LIMITS, ForeignHostError, RequestLimits, retryAfterMs, secureArmPipeline } from './requestPolicies';

/** What a person can do to an update run: start it, stop it, or skip members, groups, stages or a stage's wait. */
export type UpdateRunChange =
    | { readonly kind: 'start' }
    | { readonly kind: 'stop' }
    | {
          readonly kind: 'skip';
          readonly targets: readonly { readonly type: 'Member' | 'Group' | 'Stage' | 'AfterStageWait'; readonly name: string }[];
      };

/** Progress of a long operation, as the poller reports it. */
export type OperationProgress = (status: string) => void;

export interface LongOperationOptions {
    readonly onProgress?: OperationProgress;
    readonly abortSignal?: AbortSignal;
    /** Called once Azure has accepted the operation (the resource now shows Creating, Upgrading…). */
    readonly onAccepted?: () => void;
}

/** A pool's upgrade profile (`agentPools.getUpgradeProfile`), as the product reads it. */
export interface PoolUpgradeProfile {
    readonly upgrades: readonly string[];
    readonly recentlyUsed: readonly RecentlyUsedVersion[];
    readonly latestNodeImageVersion?: string;
}

export interface ResourceGroup {
    readonly name: string;
    readonly location: string;
}

export interface Location {
    readonly name: string;
    readonly displayName: string;
}

type Json = Record<string, unknown>;

/** The AKS api-version the SDK speaks, and Azure's published REST spec in `shared/arm/spec/` describes. */
const AKS_API_VERSION = '2026-04-01';
const RESOURCES_API_VERSION = '2021-04-01';
const SKUS_API_VERSION = '2021-07-01';
const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
/** Fleet Manager's api-version, the one `@azure/arm-containerservicefleet` 2.0.0 speaks. */
const FLEET_API_VERSION = '2025-03-01';

/**
 * One write to Azure, as the REST spec names it. The body is sent exactly as built (REST property names), so an
 * update sends back every property Azure returned, not only those the SDK's serializer knows.
 */
interface ArmWrite {
    readonly method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
    /** The resource the write makes or changes (its ARM id): errors name it. */
    readonly id: string;
    /** Where the request goes when not to the resource itself (an action such as `upgradeNodeImageVersion`, ARM's Tags API). */
    readonly path?: string;
    readonly apiVersion?: string;
    readonly body?: Json;
    /**
     * `create`: `If-None-Match: *`, a name taken meanwhile is refused (412); `ifMatch`: the eTag of the read the person
     * confirmed, a resource changed since is refused (412). Sent whether or not the spec declares it for the
     * operation: where Azure does not implement it, the re-read before sending is the guard.
     */
    readonly precondition?: { readonly create: true } | { readonly ifMatch?: string };
    readonly headers?: Readonly<Record<string, string>>;
    /** Azure answers 201/202 and goes on: wait until the operation ends, reporting its progress. */
    readonly longRunning?: boolean;
    /** Sent through Fleet Manager's SDK client (its api-version) rather than the AKS SDK's: an update run's writes. */
    readonly fleet?: boolean;
}

let sharedHttpClient: HttpClient | undefined;

/** What every SDK client of the product is made with. */
interface ClientOptions {
    readonly endpoint: string;
    readonly credentials: { readonly scopes: string[] };
    readonly httpClient: HttpClient;
}

/** The AKS SDK and its context for one subscription: what writes, long operations and typed reads go through. */
interface SdkContext {
    readonly sdk: Sdk;
    readonly arm: ContainerServiceContext;
}

/**
 * Everything the product reads from and writes to AKS in one subscription. Lists (what the tree shows) are raw JSON
 * through the `ArmReader`; writes, long operations and typed reads go through the AKS SDK, loaded on first need.
 */
export class AksService {
    private constructor(
        readonly session: AzureSession,
        private readonly reader: ArmReader,
        private readonly limits: RequestLimits,
    ) {}

    static async create(session: AzureSession, limits: RequestLimits = DEFAULT_LIMITS): Promise<AksService> {
        return new AksService(session, await ArmReader.create(session.credential, session.cloud, limits), limits);
    }

    private sdkContext: Promise<SdkContext> | undefined;

    /** The SDK context, made on first need: its pipeline (credential, ARM origin only, timeouts, read retries) carries every write. */
    private withSdk(): Promise<SdkContext> {
        this.sdkContext ??= loadSdk().then((sdk) => ({
            sdk,
            arm: this.secured(sdk, (options) =>
                sdk.createContainerService(this.session.credential, this.subscriptionId, { ...options, apiVersion: AKS_API_VERSION }),
            ),
        }));
        return this.sdkContext;
    }

    /** An SDK client of this subscription on the product's pipeline: its credential, ARM's origin only, timeouts, retries. */
    private secured<C extends { readonly pipeline: Pipeline }>(sdk: Sdk, make: (options: ClientOptions) => C): C {
        const endpoint = this.session.cloud.resourceManagerEndpointUrl;
        // One connection pool for every subscription and client: connections and TLS sessions are reused across them.
        sharedHttpClient ??= sdk.createDefaultHttpClient();
        const client = make({ endpoint, credentials: { scopes: [armScope(this.session.cloud)] }, httpClient: sharedHttpClient });
        secureArmPipeline(client.pipeline, endpoint, this.limits);
        return client;
    }

    private readonly sizesByRegion = new Map<string, Promise<VmSizeFacts[]>>();

    /** The VM sizes Azure offers this subscription in a region (its resource SKU list), read once per region. */
    listVmSizes(location: string): Promise<VmSizeFacts[]> {
        const key = location.toLowerCase();
        let sizes = this.sizesByRegion.get(key);
        if (!sizes) {
            const filter = encodeURIComponent(`location eq '${location}'`);
            sizes = this.reader
                .list(
                    'VM sizes',
                    `/subscriptions/${this.subscriptionId}/providers/Microsoft.Compute/skus?$filter=${filter}`,
                    SKUS_API_VERSION,
                )
                .then((skus) => parseVmSizeFacts(skus, location));
            sizes.catch(() => this.sizesByRegion.delete(key));
            this.sizesByRegion.set(key, sizes);
        }
        return sizes;
    }

    get subscriptionId(): string {
        return this.session.subscription.subscriptionId;
    }

    /**
     * Every cluster with its pools inline: one round trip (plus paging). `onPage`: each page's clusters as it
     * arrives, so that a big subscription shows its first clusters before its last page.
     */
    async listClusters(onPage?: (clusters: Cluster[]) => void): Promise<Cluster[]> {
        const path = `/subscriptions/${this.subscriptionId}/providers/Microsoft.ContainerService/managedClusters`;
        const clusters = await this.reader.list(
            'clusters',
            path,
            AKS_API_VERSION,
            onPage && ((page) => onPage(page.map(toClusterFromJson))),
        );
        return clusters.map(toClusterFromJson).sort(byName);
    }

    /** Every snapshot; `onPage`: called as each page arrives. */
    async listSnapshots(onPage?: () => void): Promise<Snapshot[]> {
        const path = `/subscriptions/${this.subscriptionId}/providers/Microsoft.ContainerService/snapshots`;
        const snapshots = await this.reader.list('snapshots', path, AKS_API_VERSION, onPage);
        return snapshots.map((s) => toSnapshotFromJson(s)).sort(byName);
    }

    /** A cluster by its ARM id. */
    async getCluster(id: string): Promise<Cluster> {
        const cluster = requireArmId(id);
        const { sdk, arm } = await this.withSdk();
        return toCluster(await sdk.managedClusters.get(arm, cluster.resourceGroup, cluster.name));
    }

    /** A node pool by its ARM id. */
    async getNodePool(id: string): Promise<NodePool> {
        const pool = requireArmId(id);
        const { sdk, arm } = await this.withSdk();
        return toNodePoolFromAgentPool(await sdk.agentPools.get(arm, pool.resourceGroup, pool.name, pool.agentPool ?? ''));
    }

    /** A snapshot by its ARM id, with its eTag (the `ETag` header) where Azure serves one. */
    async getSnapshot(id: string): Promise<Snapshot> {
        const parsed = requireArmId(id);
        let eTag: string | undefined;
        const { sdk, arm } = await this.withSdk();
        const snapshot = await sdk.snapshots.get(arm, parsed.resourceGroup, parsed.name, {
            onResponse: (response) => (eTag = response.headers.get('etag') ?? undefined),
        });
        return toSnapshot(snapshot, eTag);
    }

    /** The resource exactly as ARM returned it (cluster, node pool or snapshot), for "Show Properties" and for a body sent back whole. */
    async getResourceJson(id: string): Promise<Json> {
        requireArmId(id);
        return this.reader.get(id, AKS_API_VERSION);
    }

    /** Every patch version AKS offers in a region, with its minor's support plans (R4, LTS). */
    async listKubernetesVersions(location: string): Promise<OfferedVersion[]> {
        const { sdk, arm } = await this.withSdk();
        const result = await sdk.managedClusters.listKubernetesVersions(arm, location);
        return (result.values ?? []).flatMap((minor) =>
            Object.keys(minor.patchVersions ?? {}).map((version) => ({
                version,
                supportPlans: [...(minor.capabilities?.supportPlan ?? [])],
            })),
        );
    }

    /**
     * The Kubernetes versions AKS offers a new pool in this cluster (`getAvailableAgentPoolVersions`: LTS and the region's versions known
     * to it).
     */
    async availablePoolVersions(clusterId: string): Promise<string[]> {
        const cluster = requireArmId(clusterId);
        const { sdk, arm } = await this.withSdk();
        const result = await sdk.agentPools.getAvailableAgentPoolVersions(arm, cluster.resourceGroup, cluster.name);
        return (result.agentPoolVersions ?? []).flatMap((v) => (v.kubernetesVersion ? [v.kubernetesVersion] : []));
    }

    /**
     * A pool's upgrade profile: the Kubernetes versions AKS lists as upgrades (R5, LTS paths included), the versions
     * it ran recently (what a rollback may go back to) and the latest node image AKS has for it.
     */
    async poolUpgradeProfile(poolId: string): Promise<PoolUpgradeProfile> {
        const pool = requireArmId(poolId);
        const { sdk, arm } = await this.withSdk();
        const profile = await sdk.agentPools.getUpgradeProfile(arm, pool.resourceGroup, pool.name, pool.agentPool ?? '');
        return {
            upgrades: (profile.upgrades ?? []).flatMap((u) => (u.kubernetesVersion ? [u.kubernetesVersion] : [])),
            recentlyUsed: (profile.recentlyUsedVersions ?? []).flatMap((v) =>
                v.orchestratorVersion && v.nodeImageVersion
                    ? [
                          {
                              kubernetesVersion: v.orchestratorVersion,
                              nodeImageVersion: v.nodeImageVersion,
                              ...(v.timestamp ? { lastUsed: new Date(v.timestamp) } : {}),
                          },
                      ]
                    : [],
            ),
            latestNodeImageVersion: profile.latestNodeImageVersion,
        };
    }

    /** A cluster's planned maintenance configurations (when its automatic channels may act), as the REST spec shapes them. */
    async listMaintenanceConfigurations(clusterId: string): Promise<MaintenanceConfiguration[]> {
        requireArmId(clusterId);
        const configs = await this.reader.list('maintenance configurations', `${clusterId}/maintenanceConfigurations`, AKS_API_VERSION);
        return configs.map((c) => ({ name: String(c.name), ...((c.properties as Json | undefined) ?? {}) }) as MaintenanceConfiguration);
    }

    async listResourceGroups(): Promise<ResourceGroup[]> {
        const groups = await this.reader.list(
            'resource groups',
            `/subscriptions/${this.subscriptionId}/resourcegroups`,
            RESOURCES_API_VERSION,
        );
        return groups.map((g) => ({ name: String(g.name), location: String(g.location) })).sort(byName);
    }

    async createResourceGroup(name: string, location: string): Promise<ResourceGroup> {
        const id = `/subscriptions/${this.subscriptionId}/resourcegroups/${encodeURIComponent(name)}`;
        const group = await this.send({
            method: 'PUT',
            id,
            apiVersion: RESOURCES_API_VERSION,
            body: { location },
            precondition: { create: true },
        });
        return { name: String(group.name), location: String(group.location) };
    }

    async listLocations(): Promise<Location[]> {
        const locations = await this.reader.list('locations', `/subscriptions/${this.subscriptionId}/locations`, SUBSCRIPTIONS_API_VERSION);
        return locations
            .map((l) => ({ name: String(l.name), displayName: String(l.displayName ?? l.name) }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName));
    }

    /** Snapshots are made synchronously, in the source pool's region (R2); `id` is the new snapshot's ARM id. */
    async createSnapshot(id: string, location: string, sourcePoolId: string, tags?: Record<string, string>): Promise<Snapshot> {
        requireArmId(id);
        // The REST spec declares no If-None-Match on a snapshot PUT, so a name taken is found by reading first
        // (If-None-Match still goes along: honoured where Azure implements it).
        const taken = await this.getSnapshot(id).then(
            () => true,
            (error: { statusCode?: number }) => {
                if (error.statusCode === 404) {
                    return false;
                }
                throw error;
            },
        );
        if (taken) {
            throw new ResourceChangedError(id, 'exists');
        }
        return toSnapshotFromJson(
            await this.send({
                method: 'PUT',
                id,
                precondition: { create: true },
                body: {
                    location,
                    ...(tags ? { tags } : {}),
                    properties: { creationData: { sourceResourceId: sourcePoolId }, snapshotType: 'NodePool' },
                },
            }),
        );
    }

    /**
     * One change to a resource's tags through ARM's Tags API (`Merge` adds or sets the given tags, `Delete` removes
     * those given whose value is still the one given): ARM applies it to the tags as they are then, so a tag
     * someone else set meanwhile is never dropped, whatever eTags the resource has. Returns the tags after.
     */
    async changeTags(resourceId: string, operation: 'Merge' | 'Delete', tags: Record<string, string>): Promise<Record<string, string>> {
        requireArmId(resourceId);
        const answer = await this.send({
            method: 'PATCH',
            id: resourceId,
            path: `${resourceId}/providers/Microsoft.Resources/tags/default`,
            apiVersion: RESOURCES_API_VERSION,
            body: { operation, properties: { tags } },
        });
        return { ...(((answer.properties ?? {}) as Json).tags as Record<string, string> | undefined) };
    }

    /**
     * Deletes the snapshot the person confirmed. Snapshots take no If-Match in Azure's REST spec, so the snapshot
     * is read again just before and must still be the one confirmed (same creation time and image); the eTag of
     * the confirmed read goes along where Azure served one.
     */
    async deleteSnapshot(confirmed: Snapshot): Promise<void> {
        requireAsConfirmed(confirmed, await this.getSnapshot(confirmed.id), snapshotChanges);
        await this.send({ method: 'DELETE', id: confirmed.id, precondition: { ifMatch: confirmed.eTag } });
    }

    /** Adds a pool whose node image comes from a snapshot; resolves when AKS reports it done. */
    async createNodePoolFromSnapshot(clusterId: string, pool: NewNodePool, options: LongOperationOptions = {}): Promise<NodePool> {
        requireArmId(clusterId);
        return toNodePoolFromJson(
            await this.send(
                {
                    method: 'PUT',
                    id: `${clusterId}/agentPools/${pool.name}`,
                    precondition: { create: true },
                    longRunning: true,
                    body: {
                        properties: {
                            count: pool.count,
                            vmSize: pool.vmSize,
                            osType: pool.osType,
                            ...(pool.osSku ? { osSKU: pool.osSku } : {}),
                            mode: pool.mode,
                            orchestratorVersion: pool.kubernetesVersion,
                            type: 'VirtualMachineScaleSets',
                            creationData: { sourceResourceId: pool.snapshotId },
                            // R16: FIPS travels with the request, as in the REST example of a pool from a snapshot.
                            ...(pool.enableFips ? { enableFIPS: true } : {}),
                            ...poolOptionsBody(pool.options ?? {}),
                        },
                    },
                },
                options,
            ),
        );
    }

    /**
     * R6: node image only, from a snapshot of the same Kubernetes version (header `AKSSnapshotId`, no body). The
     * REST spec declares no If-Match on this POST, so the pool is read just before sending and must still be as
     * the person confirmed it: its eTag when both reads carry one, else every field the confirmation showed.
     */
    async upgradeNodeImageToSnapshot(confirmed: NodePool, snapshotId: string, options: LongOperationOptions = {}): Promise<void> {
        await this.readPoolAsConfirmed(confirmed);
        await this.send(
            {
                method: 'POST',
                id: confirmed.id,
                path: `${confirmed.id}/upgradeNodeImageVersion`,
                longRunning: true,
                precondition: { ifMatch: confirmed.eTag },
                headers: { AKSSnapshotId: snapshotId },
            },
            options,
        );
    }

    /**
     * R5: the Kubernetes upgrade. A pool PUT replaces the pool, so the pool is read as Azure returns it and sent
     * back whole with only `orchestratorVersion`, `creationData` (and the `upgradeSettings` given) changed, less
     * what the spec marks read-only and the writable fields that start another action (`UPGRADE_PUT_DROPS`),
     * guarded by `If-Match` with the eTag of the read the person confirmed (or, when that read had none, of the
     * read just made and found unchanged in every field confirmed).
     */
    async upgradeNodePoolToSnapshot(
        confirmed: NodePool,
        snapshot: Snapshot,
        settings: UpgradeSettings,
        options: LongOperationOptions = {},
    ): Promise<NodePool> {
        const { json, eTag } = await this.readPoolAsConfirmed(confirmed);
        return toNodePoolFromJson(
            await this.send(
                {
                    method: 'PUT',
                    id: confirmed.id,
                    body: upgradeBody(json, snapshot, settings),
                    precondition: { ifMatch: eTag },
                    longRunning: true,
                },
                options,
            ),
        );
    }

    /**
     * R7's pin: only the cluster's automatic-upgrade channels change. The cluster is read as Azure returns it and
     * sent back whole (a cluster PUT replaces the cluster), guarded as the upgrade is.
     */
    async updateClusterChannels(confirmed: Cluster, channels: UpgradeChannels, options: LongOperationOptions = {}): Promise<Cluster> {
        const current = await this.getResourceJson(confirmed.id);
        const eTag = requireAsConfirmed(confirmed, toClusterFromJson(current), clusterChanges);
        const properties = (current.properties ?? {}) as Json;
        const next: Json = {
            ...current,
            properties: {
                ...properties,
                autoUpgradeProfile: {
                    ...(properties.autoUpgradeProfile as Json | undefined),
                    upgradeChannel: channels.upgradeChannel,
                    nodeOSUpgradeChannel: channels.nodeOsUpgradeChannel,
                },
            },
        };
        return toClusterFromJson(
            await this.send({ method: 'PUT', id: confirmed.id, body: next, precondition: { ifMatch: eTag }, longRunning: true }, options),
        );
    }

    /**
     * A rollback (REST spec 2026-04-01, `nodeImageVersion`: "setting this value triggers an agentPool rollback. Only
     * values from `recentlyUsedVersions` are allowed"): the pool as read, sent back whole with that image and its
     * Kubernetes version, guarded as the upgrade is.
     */
    async rollBackNodePool(confirmed: NodePool, to: RecentlyUsedVersion, options: LongOperationOptions = {}): Promise<NodePool> {
        const { json, eTag } = await this.readPoolAsConfirmed(confirmed);
        return toNodePoolFromJson(
            await this.send(
                {
                    method: 'PUT',
                    id: confirmed.id,
                    body: rollbackBody(json, to),
                    precondition: { ifMatch: eTag },
                    longRunning: true,
                },
                options,
            ),
        );
    }

    /**
     * `abortLatestOperation` on a pool or a cluster (REST spec 2026-04-01): the resource goes `Canceling`, then
     * `Canceled`; a 409 when the operation ended first. The REST spec declares no If-Match on it; it changes nothing
     * but the running operation, so none is needed.
     */
    async abortLatestOperation(resourceId: string, options: LongOperationOptions = {}): Promise<void> {
        await this.send({ method: 'POST', id: resourceId, path: `${resourceId}/abort`, longRunning: true }, options);
    }

    /** The Fleet Manager fleets of the subscription (none where Fleet is not used). */
    async listFleets(): Promise<Fleet[]> {
        const path = `/subscriptions/${this.subscriptionId}/providers/Microsoft.ContainerService/fleets`;
        return (await this.reader.list('fleets', path, FLEET_API_VERSION)).map(toFleetFromJson).sort(byName);
    }

    /** A fleet's members: which cluster each is, and its update group. */
    async listFleetMembers(fleetId: string): Promise<FleetMember[]> {
        requireArmId(fleetId);
        return (await this.reader.list('fleet members', `${fleetId}/members`, FLEET_API_VERSION)).map(toFleetMemberFromJson).sort(byName);
    }

    /** A fleet's update runs, with their status. */
    async listUpdateRuns(fleetId: string): Promise<UpdateRun[]> {
        requireArmId(fleetId);
        return (await this.reader.list('update runs', `${fleetId}/updateRuns`, FLEET_API_VERSION)).map(toUpdateRunFromJson).sort(byName);
    }

    /** An update run as Fleet reports it now. */
    async getUpdateRun(runId: string): Promise<UpdateRun> {
        return toUpdateRunFromJson(await this.reader.get(runId, FLEET_API_VERSION));
    }

    /**
     * Creates an update run, not started: a guarded create (`If-None-Match: *`, which Fleet's REST spec declares for
     * it), so a run of that name made meanwhile is refused, never replaced.
     */
    async createUpdateRun(fleetId: string, name: string, body: Record<string, unknown>): Promise<UpdateRun> {
        requireArmId(fleetId);
        const id = `${fleetId}/updateRuns/${name}`;
        try {
            await this.send({
                method: 'PUT',
                id,
                apiVersion: FLEET_API_VERSION,
                body,
                precondition: { create: true },
                longRunning: true,
                fleet: true,
            });
        } catch (error) {
            // The answer lost after sending: the name is the plan's own, so a run of that name read now is this one.
            const made = error instanceof LostAnswerError ? await this.getUpdateRun(id).catch(() => undefined) : undefined;
            if (!made) {
                throw error;
            }
            return made;
        }
        return this.getUpdateRun(id);
    }

    /**
     * Starts, stops or skips part of an update run, sent with the eTag of the run as the person confirmed it
     * (`If-Match`, declared by Fleet's REST spec for each): a run changed since is refused.
     */
    async changeUpdateRun(confirmed: UpdateRun, change: UpdateRunChange): Promise<UpdateRun> {
        requireArmId(confirmed.id.replace(/\/updateRuns\/[^/]+$/i, ''));
        await this.send({
            method: 'POST',
            id: confirmed.id,
            path: `${confirmed.id}/${change.kind}`,
            apiVersion: FLEET_API_VERSION,
            ...(change.kind === 'skip' ? { body: { targets: change.targets.map((t) => ({ type: t.type, name: t.name })) } } : {}),
            precondition: { ifMatch: confirmed.eTag },
            longRunning: true,
            fleet: true,
        });
        return this.getUpdateRun(confirmed.id);
    }

    private fleetClient: Promise<ContainerServiceFleetContext> | undefined;

    /** Fleet Manager's SDK client, made on first need, on the pipeline every write takes. */
    private withFleetSdk(): Promise<ContainerServiceFleetContext> {
        this.fleetClient ??= loadSdk().then((sdk) =>
            this.secured(sdk, (options) =>
                sdk.createContainerServiceFleet(this.session.credential, this.subscriptionId, {
                    ...options,
                    apiVersion: FLEET_API_VERSION,
                }),
            ),
        );
        return this.fleetClient;
    }

    /** The pool as Azure has it now, refused (nothing sent) unless it is still the pool the person confirmed. */
    private async readPoolAsConfirmed(confirmed: NodePool): Promise<{ json: Json; eTag?: string }> {
        const json = await this.getResourceJson(confirmed.id);
        return { json, eTag: requireAsConfirmed(confirmed, toNodePoolFromJson(json), poolChanges) };
    }

    /** A cluster whose system pool comes from a snapshot (R8 is checked before). */
    async createClusterFromSnapshot(cluster: NewCluster, options: LongOperationOptions = {}): Promise<Cluster> {
        const id = `/subscriptions/${this.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
        const set = clusterOptionsBody(clusterOptionsSent(cluster.options, cluster.longTermSupport));
        return toClusterFromJson(
            await this.send(
                {
                    method: 'PUT',
                    id,
                    precondition: { create: true },
                    longRunning: true,
                    body: {
                        location: cluster.location,
                        identity: { type: 'SystemAssigned' },
                        ...set.resource,
                        properties: {
                            kubernetesVersion: cluster.snapshot.kubernetesVersion,
                            dnsPrefix: cluster.dnsPrefix,
                            enableRBAC: true,
                            autoUpgradeProfile: {
                                upgradeChannel: cluster.channels.upgradeChannel,
                                nodeOSUpgradeChannel: cluster.channels.nodeOsUpgradeChannel,
                            },
                            ...(cluster.longTermSupport ? { supportPlan: 'AKSLongTermSupport' } : {}),
                            ...set.properties,
                            agentPoolProfiles: [
                                {
                                    name: cluster.nodePoolName,
                                    count: cluster.count,
                                    vmSize: cluster.vmSize,
                                    osType: cluster.snapshot.osType,
                                    ...(cluster.snapshot.osSku ? { osSKU: cluster.snapshot.osSku } : {}),
                                    mode: 'System',
                                    type: 'VirtualMachineScaleSets',
                                    orchestratorVersion: cluster.snapshot.kubernetesVersion,
                                    creationData: { sourceResourceId: cluster.snapshot.id },
                                    ...(cluster.snapshot.enableFips ? { enableFIPS: true } : {}),
                                    ...set.systemPool,
                                },
                            ],
                        },
                    },
                },
                options,
            ),
        );
    }

    /**
     * The one way the product writes to Azure: one request with its precondition, sent once, and for a long
     * operation the wait until Azure ends it. What can go wrong comes back as what it means: 412 → the resource is
     * not as read; an answer lost after sending (dropped connection, timeout, 5xx) → unknown until read again; an
     * operation Azure ended Failed or Canceled → that, with Azure's code and message. The person's own cancel
     * stays an abort.
     */
    private async send(write: ArmWrite, options: LongOperationOptions = {}): Promise<Json> {
        const creating = !!write.precondition && 'create' in write.precondition;
        const ifMatch = write.precondition && 'ifMatch' in write.precondition ? write.precondition.ifMatch : undefined;
        const headers = { ...write.headers, ...(creating ? { 'If-None-Match': '*' } : {}), ...(ifMatch ? { 'If-Match': ifMatch } : {}) };
        const first = (): Promise<ArmAnswer> =>
            this.answer(
                write.method,
                write.path ?? write.id,
                write.apiVersion ?? AKS_API_VERSION,
                write.body,
                headers,
                options.abortSignal,
                write.fleet,
            );
        try {
            if (!write.longRunning) {
                return okBody(await first());
            }
            return await this.untilDone(first, write.method === 'POST' ? 'location' : 'azure-async-operation', options, write.fleet);
        } catch (error) {
            throw writeError(write.id, creating, error, options.abortSignal);
        }
    }

    /** Follows a long operation as Azure's LRO contract says (the SDK's own poller), reporting progress and acceptance. */
    private async untilDone(
        first: () => Promise<ArmAnswer>,
        resourceLocationConfig: 'location' | 'azure-async-operation',
        options: LongOperationOptions,
        fleet?: boolean,
    ): Promise<Json> {
        const asLro = (answer: ArmAnswer) => {
            okBody(answer);
            return { flatResponse: answer, rawResponse: { ...answer, statusCode: Number(answer.status), body: answer.body } };
        };
        const { sdk } = await this.withSdk();
        const poller = sdk.createHttpPoller(
            {
                sendInitialRequest: async () => asLro(await first()),
                sendPollRequest: async (path: string) =>
                    asLro(
                        await this.answer(
                            'GET',
                            withApiVersion(path, fleet ? FLEET_API_VERSION : AKS_API_VERSION),
                            undefined,
                            undefined,
                            {},
                            options.abortSignal,
                            fleet,
                        ),
                    ),
            },
            { resourceLocationConfig, processResult: async (result: unknown) => ((result as ArmAnswer).body ?? {}) as Json },
        );
        if (options.onProgress) {
            const report = options.onProgress;
            poller.onProgress((state) => report(state.status));
        }
        if (options.onAccepted) {
            const accepted = options.onAccepted;
            void poller.submitted().then(accepted, () => undefined);
        }
        try {
            return await poller.pollUntilDone({ abortSignal: options.abortSignal });
        } catch (error) {
            throw options.abortSignal?.aborted ? error : operationEnd(error);
        }
    }

    /** One request through the SDK context's pipeline (its credential, endpoint, policies); `path` is already encoded. */
    private async answer(
        method: ArmWrite['method'] | 'GET',
        path: string,
        apiVersion: string | undefined,
        body?: unknown,
        headers: Record<string, string> = {},
        abortSignal?: AbortSignal,
        fleet?: boolean,
    ): Promise<ArmAnswer> {
        const resource = fleet ? (await this.withFleetSdk()).pathUnchecked(path) : (await this.withSdk()).arm.pathUnchecked(path);
        const parameters = {
            ...(apiVersion ? { queryParameters: { 'api-version': apiVersion } } : {}),
            body,
            headers,
            skipUrlEncoding: true,
            abortSignal,
        };
        const verbs = { GET: resource.get, PUT: resource.put, POST: resource.post, PATCH: resource.patch, DELETE: resource.delete };
        return (await verbs[method].call(resource, parameters)) as ArmAnswer;
    }
}

/** An answer as the SDK context's `pathUnchecked` gives it. */
interface ArmAnswer {
    readonly status: string;
    readonly body?: unknown;
    readonly headers: Readonly<Record<string, string>>;
    readonly request: { readonly method: string; readonly url: string };
}

/** The body of a 2xx answer; else an `AzureRequestError` with Azure's code, message, request id and `Retry-After`. */
function okBody(answer: ArmAnswer): Json {
    const status = Number(answer.status);
    if (status < 200 || status > 299) {
        const header = (name: string): string | undefined => answer.headers[name];
        throw new AzureRequestError(status, answer.body, header('x-ms-request-id'), retryAfterMs(header));
    }
    return (answer.body ?? {}) as Json;
}

/** An operation URL Azure gave without an api-version gets the one of the service that gave it. */
function withApiVersion(url: string, apiVersion: string): string {
    return /[?&]api-version=/i.test(url) ? url : `${url}${url.includes('?') ? '&' : '?'}api-version=${apiVersion}`;
}

/** The poller says how an operation ended only in its message ("The long-running operation has failed. <code>. <message>"). */
function operationEnd(error: unknown): unknown {
    if (!(error instanceof Error) || (error as { statusCode?: number }).statusCode) {
        return error;
    }
    if (/^Operation was canceled/i.test(error.message)) {
        return new OperationEndedError('', 'Canceled', 'OperationCanceled', 'Azure canceled the operation.');
    }
    const failed = /^The long-running operation has failed\.\s*(?:([A-Za-z][\w.]*)\.\s*)?([\s\S]*)$/.exec(error.message);
    return failed ? new OperationEndedError('', 'Failed', failed[1], failed[2] || error.message) : error;
}

function writeError(resourceId: string, creating: boolean, error: unknown, abortSignal: AbortSignal | undefined): unknown {
    if (error instanceof OperationEndedError) {
        return new OperationEndedError(resourceId, error.status, error.code, error.message);
    }
    if (error instanceof ResourceChangedError || error instanceof ForeignHostError || abortSignal?.aborted) {
        return error;
    }
    const status = (error as { statusCode?: number } | undefined)?.statusCode;
    if (status === 412) {
        return new ResourceChangedError(resourceId, creating ? 'exists' : 'changed', { cause: error });
    }
    if (status === undefined || status >= 500) {
        return new LostAnswerError(resourceId, error);
    }
    return error;
}

function requireArmId(id: string) {
    const parsed = parseArmId(id);
    if (!parsed) {
        throw new Error(l10n.t('"{0}" is not an Azure resource ID.', id));
    }
    return parsed;
}

function byName(a: { name: string }, b: { name: string }): number {
    return a.name.localeCompare(b.name);
}

/**
 * Refuses a change (nothing sent) when the resource read now is not the one the person confirmed: when both reads
 * carry an eTag, the eTags differ; else (Azure served none) a field the confirmation showed differs. Returns the
 * eTag the write sends: the confirmed read's, or, where that had none, the one just read and found unchanged.
 */
function requireAsConfirmed<T extends { readonly id: string; readonly eTag?: string }>(
    confirmed: T,
    now: T,
    changes: (confirmed: T, now: T) => readonly FieldChange[],
): string | undefined {
    if (confirmed.eTag && now.eTag) {
        if (confirmed.eTag !== now.eTag) {
            throw new ResourceChangedError(confirmed.id, 'changed');
        }
        return confirmed.eTag;
    }
    const changed = changes(confirmed, now);
    if (changed.length > 0) {
        throw new ResourceChangedError(confirmed.id, 'changed', { changes: describeChanges(changed) });
    }
    return confirmed.eTag ?? now.eTag;
}

/**
 * What an upgrade's whole-body PUT leaves out, and why: `provisioningState`, `currentOrchestratorVersion` and
 * `eTag` are read-only in the REST spec (2026-04-01), so Azure ignores them; `nodeImageVersion` "triggers an
 * agentPool rollback" when set, and `powerState` starts or stops the pool: neither is the action confirmed.
 */
export const UPGRADE_PUT_DROPS: Readonly<Record<string, string>> = {
    provisioningState: 'read-only',
    currentOrchestratorVersion: 'read-only',
    eTag: 'read-only (sent as If-Match instead)',
    nodeImageVersion: 'setting it triggers a rollback',
    powerState: 'setting it starts or stops the pool',
};

/** A pool's properties as read, less `UPGRADE_PUT_DROPS`: what a whole-pool PUT sends back unchanged. */
function keptPoolProperties(current: Json): Json {
    const properties = { ...((current.properties ?? {}) as Json) };
    for (const field of Object.keys(UPGRADE_PUT_DROPS)) {
        delete properties[field];
    }
    return properties;
}

/** The pool as read, with `UPGRADE_PUT_DROPS` left out but the rollback's image and its Kubernetes version. */
export function rollbackBody(current: Json, to: RecentlyUsedVersion): Json {
    return {
        ...current,
        properties: { ...keptPoolProperties(current), orchestratorVersion: to.kubernetesVersion, nodeImageVersion: to.nodeImageVersion },
    };
}

/** The pool as read, with only the upgrade's own fields changed and `UPGRADE_PUT_DROPS` left out. */
export function upgradeBody(current: Json, snapshot: Snapshot, settings: UpgradeSettings): Json {
    const properties = keptPoolProperties(current);
    const changed = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== ''));
    return {
        ...current,
        properties: {
            ...properties,
            orchestratorVersion: snapshot.kubernetesVersion,
            creationData: { sourceResourceId: snapshot.id },
            ...(Object.keys(changed).length
                ? { upgradeSettings: { ...(properties.upgradeSettings as Json | undefined), ...changed } }
                : {}),
        },
    };
}
