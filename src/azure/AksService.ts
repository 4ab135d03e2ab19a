import * as l10n from '@vscode/l10n';
import type { AgentPool, ContainerServiceClient, ManagedCluster } from '@azure/arm-containerservice';
import type { ContainerServiceContext } from '@azure/arm-containerservice/api';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Cluster, NewCluster, NewNodePool, NodePool, Snapshot } from '../model/aks';
import { parseArmId, snapshotId } from '../model/armId';
import type { UpgradeChannels } from '../model/channels';
import { clusterChanges, describeChanges, FieldChange, poolChanges, snapshotChanges } from '../model/changes';
import type { ClusterOptions, PoolOptions, UpgradeOptions } from '../model/poolOptions';
import { parseVmSizeFacts, VmSizeFacts } from '../model/vmSize';
import type { AzureSession } from './AzureAccount';
import { AzureRequestError, LostAnswerError, OperationEndedError, ResourceChangedError, withAzureMessage } from './azureErrors';
import { armScope } from './clouds';
import { loadSdk } from './loadSdk';
import { toCluster, toClusterFromJson, toNodePoolFromAgentPool, toNodePoolFromJson, toSnapshot } from './mappers';
import { DEFAULT_LIMITS, ForeignHostError, PageGuard, PagingStopped, RequestLimits, secureArmPipeline } from './requestPolicies';

/** Progress of a long operation, as the poller reports it. */
export type OperationProgress = (status: string) => void;

export interface LongOperationOptions {
    readonly onProgress?: OperationProgress;
    readonly abortSignal?: AbortSignal;
    /** Called once Azure has accepted the operation (the resource now shows Creating, Upgrading…). */
    readonly onAccepted?: () => void;
}

/** The upgrade settings an upgrade changes; those not given stay as the pool has them. */
export interface UpgradeSettingsChange extends UpgradeOptions {
    readonly maxSurge?: string;
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

const RESOURCES_API_VERSION = '2021-04-01';
const SKUS_API_VERSION = '2021-07-01';
const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
const WHOLE_BODY_HEADER = 'x-aks-snapshots-whole-body';
/** Creates never replace: ARM answers 412 when the name exists. */
const CREATE_ONLY = { ifNoneMatch: '*' };

let sharedHttpClient: HttpClient | undefined;

/** Everything the product reads from and writes to AKS in one subscription, over the AKS SDK. */
export class AksService {
    private constructor(
        readonly session: AzureSession,
        private readonly client: ContainerServiceClient,
        private readonly arm: ContainerServiceContext,
        private readonly wholeBodies: Map<string, string>,
    ) {}

    static async create(session: AzureSession, limits: RequestLimits = DEFAULT_LIMITS): Promise<AksService> {
        const { ContainerServiceClient, createContainerService, createDefaultHttpClient } = await loadSdk();
        const endpoint = session.cloud.resourceManagerEndpointUrl;
        // One connection pool for every subscription: connections and TLS sessions are reused across them.
        sharedHttpClient ??= createDefaultHttpClient();
        const options = { endpoint, credentials: { scopes: [armScope(session.cloud)] }, httpClient: sharedHttpClient };
        const client = new ContainerServiceClient(session.credential, session.subscription.subscriptionId, options);
        const arm = createContainerService(session.credential, session.subscription.subscriptionId, options);
        secureArmPipeline(client.pipeline, endpoint, limits);
        secureArmPipeline(arm.pipeline, endpoint, limits);
        const wholeBodies = new Map<string, string>();
        client.pipeline.addPolicy(wholeBodyPolicy(wholeBodies));
        return new AksService(session, client, arm, wholeBodies);
    }

    private readonly sizesByRegion = new Map<string, Promise<VmSizeFacts[]>>();

    /** The VM sizes Azure offers this subscription in a region (its resource SKU list), read once per region. */
    listVmSizes(location: string): Promise<VmSizeFacts[]> {
        const key = location.toLowerCase();
        let sizes = this.sizesByRegion.get(key);
        if (!sizes) {
            const filter = encodeURIComponent(`location eq '${location}'`);
            sizes = this.listArm(`/subscriptions/${this.subscriptionId}/providers/Microsoft.Compute/skus?$filter=${filter}`, SKUS_API_VERSION)
                .then((skus) => parseVmSizeFacts(skus, location));
            sizes.catch(() => this.sizesByRegion.delete(key));
            this.sizesByRegion.set(key, sizes);
        }
        return sizes;
    }

    get subscriptionId(): string {
        return this.session.subscription.subscriptionId;
    }

    /** Every cluster with its pools inline: one round trip (plus paging). */
    async listClusters(): Promise<Cluster[]> {
        return (await collect((options) => this.client.managedClusters.list(options), toCluster, 'clusters', this.session.cloud.resourceManagerEndpointUrl)).sort(byName);
    }

    async listSnapshots(): Promise<Snapshot[]> {
        return (await collect((options) => this.client.snapshots.list(options), (s) => toSnapshot(s), 'snapshots', this.session.cloud.resourceManagerEndpointUrl)).sort(byName);
    }

    async getCluster(resourceGroup: string, name: string): Promise<Cluster> {
        return toCluster(await this.client.managedClusters.get(resourceGroup, name));
    }

    async getNodePool(resourceGroup: string, cluster: string, pool: string): Promise<NodePool> {
        return toNodePoolFromAgentPool(await this.client.agentPools.get(resourceGroup, cluster, pool));
    }

    /** A snapshot with its eTag (the `ETag` header), so that a change can be made only to what was read. */
    async getSnapshot(resourceGroup: string, name: string): Promise<Snapshot> {
        let eTag: string | undefined;
        const snapshot = await this.client.snapshots.get(resourceGroup, name, { onResponse: (response) => (eTag = response.headers.get('etag') ?? undefined) });
        return toSnapshot(snapshot, eTag);
    }

    /** The resource exactly as ARM returned it (cluster, node pool or snapshot), for "Show Properties". */
    async getResourceJson(id: string): Promise<Json> {
        const parsed = requireArmId(id);
        let json: unknown;
        const onResponse = (response: { parsedBody?: unknown }): void => {
            json = response.parsedBody;
        };
        if (parsed.agentPool) {
            await this.client.agentPools.get(parsed.resourceGroup, parsed.name, parsed.agentPool, { onResponse });
        } else if (/\/snapshots$/i.test(parsed.type)) {
            await this.client.snapshots.get(parsed.resourceGroup, parsed.name, { onResponse });
        } else {
            await this.client.managedClusters.get(parsed.resourceGroup, parsed.name, { onResponse });
        }
        return json as Json;
    }

    /** Every supported patch version in a region (R4). */
    async listKubernetesVersions(location: string): Promise<string[]> {
        const result = await this.client.managedClusters.listKubernetesVersions(location);
        return (result.values ?? []).flatMap((minor) => Object.keys(minor.patchVersions ?? {}));
    }

    async listResourceGroups(): Promise<ResourceGroup[]> {
        const groups = await this.listArm(`/subscriptions/${this.subscriptionId}/resourcegroups`, RESOURCES_API_VERSION);
        return groups.map((g) => ({ name: String(g.name), location: String(g.location) })).sort(byName);
    }

    async createResourceGroup(name: string, location: string): Promise<ResourceGroup> {
        const path = `/subscriptions/${this.subscriptionId}/resourcegroups/${encodeURIComponent(name)}`;
        const group = await this.write(path, true, () => this.sendArm('put', path, RESOURCES_API_VERSION, { location }, { 'If-None-Match': '*' })) as Json;
        return { name: String(group.name), location: String(group.location) };
    }

    async listLocations(): Promise<Location[]> {
        const locations = await this.listArm(`/subscriptions/${this.subscriptionId}/locations`, SUBSCRIPTIONS_API_VERSION);
        return locations.map((l) => ({ name: String(l.name), displayName: String(l.displayName ?? l.name) })).sort((a, b) => a.displayName.localeCompare(b.displayName));
    }

    /** Snapshots are made synchronously, in the source pool's region (R2). */
    async createSnapshot(resourceGroup: string, name: string, location: string, sourcePoolId: string, tags?: Record<string, string>): Promise<Snapshot> {
        const id = snapshotId(this.subscriptionId, resourceGroup, name);
        // The REST spec declares no If-None-Match on a snapshot PUT, so a name taken is found by reading first
        // (If-None-Match still goes along: honoured where Azure implements it).
        const taken = await this.getSnapshot(resourceGroup, name).then(() => true, (error: { statusCode?: number }) => {
            if (error.statusCode === 404) {
                return false;
            }
            throw error;
        });
        if (taken) {
            throw new ResourceChangedError(id, 'exists');
        }
        let eTag: string | undefined;
        const created = await this.write(id, true, () => this.client.snapshots.createOrUpdate(resourceGroup, name, {
            location,
            tags,
            creationData: { sourceResourceId: sourcePoolId },
            snapshotType: 'NodePool',
        }, { requestOptions: { headers: { 'If-None-Match': '*' } }, onResponse: (response) => (eTag = response.headers.get('etag') ?? undefined) }));
        return toSnapshot(created, eTag);
    }

    /**
     * One change to a resource's tags through ARM's Tags API (`Merge` adds or sets the given tags, `Delete` removes
     * those given whose value is still the one given): ARM applies it to the tags as they are then, so a tag
     * someone else set meanwhile is never dropped, whatever eTags the resource has. Returns the tags after.
     */
    async changeTags(resourceId: string, operation: 'Merge' | 'Delete', tags: Record<string, string>): Promise<Record<string, string>> {
        requireArmId(resourceId);
        const path = `${resourceId}/providers/Microsoft.Resources/tags/default`;
        const answer = await this.write(resourceId, false, () => this.sendArm('patch', path, RESOURCES_API_VERSION, { operation, properties: { tags } })) as Json;
        return { ...(((answer.properties ?? {}) as Json).tags as Record<string, string> | undefined) };
    }

    /**
     * Deletes the snapshot the person confirmed. Snapshots take no If-Match in Azure's REST spec, so the snapshot
     * is read again just before and must still be the one confirmed (same creation time and image); the eTag of
     * the confirmed read goes along where Azure served one.
     */
    async deleteSnapshot(confirmed: Snapshot): Promise<void> {
        const now = await this.getSnapshot(confirmed.resourceGroup, confirmed.name);
        requireAsConfirmed(confirmed.id, confirmed.eTag && now.eTag ? [] : snapshotChanges(confirmed, now), confirmed.eTag, now.eTag);
        await this.write(confirmed.id, false, () => this.client.snapshots.delete(confirmed.resourceGroup, confirmed.name, { requestOptions: { headers: confirmed.eTag ? { 'If-Match': confirmed.eTag } : {} } }));
    }

    /** Adds a pool whose node image comes from a snapshot; resolves when AKS reports it done. */
    async createNodePoolFromSnapshot(clusterId: string, pool: NewNodePool, options: LongOperationOptions = {}): Promise<NodePool> {
        const cluster = requireArmId(clusterId);
        const id = `${clusterId}/agentPools/${pool.name}`;
        return toNodePoolFromAgentPool(await this.write(id, true, () => watch(this.client.agentPools.createOrUpdate(cluster.resourceGroup, cluster.name, pool.name, {
            count: pool.count,
            vmSize: pool.vmSize,
            osType: pool.osType,
            osSKU: pool.osSku,
            mode: pool.mode,
            orchestratorVersion: pool.kubernetesVersion,
            typePropertiesType: 'VirtualMachineScaleSets',
            creationData: { sourceResourceId: pool.snapshotId },
            // R16: FIPS travels with the request, as in the REST example of a pool from a snapshot.
            ...(pool.enableFips ? { enableFips: true } : {}),
            ...poolOptionsBody(pool.options ?? {}),
        }, { ...CREATE_ONLY, abortSignal: options.abortSignal }), options), options.abortSignal));
    }

    /**
     * R6: node image only, from a snapshot of the same Kubernetes version (header `AKSSnapshotId`, no body). The
     * REST spec declares no If-Match on this POST, so the pool is read just before sending and must still be as
     * the person confirmed it: its eTag when both reads carry one, else every field the confirmation showed.
     */
    async upgradeNodeImageToSnapshot(confirmed: NodePool, snapshotId: string, options: LongOperationOptions = {}): Promise<void> {
        const pool = requireArmId(confirmed.id);
        await this.readPoolAsConfirmed(confirmed);
        await this.write(confirmed.id, false, () => watch(this.client.agentPools.upgradeNodeImageVersion(pool.resourceGroup, pool.name, pool.agentPool ?? '', {
            abortSignal: options.abortSignal,
            requestOptions: { headers: { AKSSnapshotId: snapshotId, ...(confirmed.eTag ? { 'If-Match': confirmed.eTag } : {}) } },
        }), options), options.abortSignal);
    }

    /**
     * R5: the Kubernetes upgrade. A pool PUT replaces the pool, so the pool is read as Azure returns it and sent
     * back whole with only `orchestratorVersion`, `creationData` (and the `upgradeSettings` given) changed, less
     * what the spec marks read-only and the writable fields that start another action (`UPGRADE_PUT_DROPS`),
     * guarded by `If-Match` with the eTag of the read the person confirmed (or, when that read had none, of the
     * read just made and found unchanged in every field confirmed).
     */
    async upgradeNodePoolToSnapshot(confirmed: NodePool, snapshot: Snapshot, settings: UpgradeSettingsChange, options: LongOperationOptions = {}): Promise<NodePool> {
        const pool = requireArmId(confirmed.id);
        const { json: current, eTag } = await this.readPoolAsConfirmed(confirmed);
        const next = upgradeBody(current, snapshot, settings);
        return toNodePoolFromAgentPool(await this.sendWhole(next, (headers) => this.write(confirmed.id, false, () => watch(this.client.agentPools.createOrUpdate(pool.resourceGroup, pool.name, pool.agentPool ?? '', {}, {
            ifMatch: eTag,
            abortSignal: options.abortSignal,
            requestOptions: { headers },
        }), options), options.abortSignal)));
    }

    /**
     * R7's pin: only the cluster's automatic-upgrade channels change. The cluster is read as Azure returns it and
     * sent back whole (a cluster PUT replaces the cluster), guarded as the upgrade is.
     */
    async updateClusterChannels(confirmed: Cluster, channels: UpgradeChannels, options: LongOperationOptions = {}): Promise<Cluster> {
        const cluster = requireArmId(confirmed.id);
        const current = await this.getResourceJson(confirmed.id);
        const now = toClusterFromJson(current);
        requireAsConfirmed(confirmed.id, confirmed.eTag && now.eTag ? [] : clusterChanges(confirmed, now), confirmed.eTag, now.eTag);
        const properties = (current.properties ?? {}) as Json;
        const next: Json = {
            ...current,
            properties: {
                ...properties,
                autoUpgradeProfile: { ...(properties.autoUpgradeProfile as Json | undefined), upgradeChannel: channels.upgradeChannel, nodeOSUpgradeChannel: channels.nodeOsUpgradeChannel },
            },
        };
        return toCluster(await this.sendWhole(next, (headers) => this.write(confirmed.id, false, () => watch(this.client.managedClusters.createOrUpdate(cluster.resourceGroup, cluster.name, { location: String(current.location) }, {
            ifMatch: confirmed.eTag ?? now.eTag,
            abortSignal: options.abortSignal,
            requestOptions: { headers },
        }), options), options.abortSignal)));
    }

    /** The pool as Azure has it now, refused (nothing sent) unless it is still the pool the person confirmed. */
    private async readPoolAsConfirmed(confirmed: NodePool): Promise<{ json: Json; eTag?: string }> {
        const json = await this.getResourceJson(confirmed.id);
        const now = toNodePoolFromJson(json);
        requireAsConfirmed(confirmed.id, confirmed.eTag && now.eTag ? [] : poolChanges(confirmed, now), confirmed.eTag, now.eTag);
        return { json, eTag: confirmed.eTag ?? now.eTag };
    }

    /** Sends `body` exactly as built (every property Azure returned), not what the SDK's serializer knows of it. */
    private async sendWhole<T>(body: Json, send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
        const key = crypto.randomUUID();
        this.wholeBodies.set(key, JSON.stringify(body));
        try {
            return await send({ [WHOLE_BODY_HEADER]: key });
        } finally {
            this.wholeBodies.delete(key);
        }
    }

    /** A cluster whose system pool comes from a snapshot (R8 is checked before). */
    async createClusterFromSnapshot(cluster: NewCluster, options: LongOperationOptions = {}): Promise<Cluster> {
        const id = `/subscriptions/${this.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
        return toCluster(await this.write(id, true, () => watch(this.client.managedClusters.createOrUpdate(cluster.resourceGroup, cluster.name, {
            location: cluster.location,
            identity: { type: 'SystemAssigned' },
            kubernetesVersion: cluster.snapshot.kubernetesVersion,
            dnsPrefix: cluster.dnsPrefix,
            enableRbac: true,
            autoUpgradeProfile: { upgradeChannel: cluster.channels.upgradeChannel, nodeOSUpgradeChannel: cluster.channels.nodeOsUpgradeChannel },
            ...clusterOptionsBody(cluster.options ?? {}),
            agentPoolProfiles: [{
                name: cluster.nodePoolName,
                count: cluster.count,
                vmSize: cluster.vmSize,
                osType: cluster.snapshot.osType,
                osSKU: cluster.snapshot.osSku,
                mode: 'System',
                type: 'VirtualMachineScaleSets',
                orchestratorVersion: cluster.snapshot.kubernetesVersion,
                creationData: { sourceResourceId: cluster.snapshot.id },
                ...(cluster.snapshot.enableFips ? { enableFips: true } : {}),
                ...(cluster.options?.zones ? { availabilityZones: [...cluster.options.zones] } : {}),
            }],
        }, { ...CREATE_ONLY, abortSignal: options.abortSignal }), options), options.abortSignal));
    }

    /**
     * Sends a write once and turns what can go wrong into what it means: 412 → the resource is not as read;
     * an answer lost after sending (dropped connection, timeout, 5xx) → unknown until read again; an operation
     * Azure ended Failed or Canceled → that, with Azure's code and message. The person's own cancel stays an abort.
     */
    private async write<T>(resourceId: string, creating: boolean, send: () => Promise<T>, abortSignal?: AbortSignal): Promise<T> {
        try {
            return await send();
        } catch (error) {
            throw writeError(resourceId, creating, error, abortSignal);
        }
    }

    /** A plain ARM request through the AKS client's pipeline (its credential, endpoint, policies); `path` is already encoded. */
    private async sendArm(method: 'get' | 'put' | 'patch', path: string, apiVersion: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
        const response = await this.arm.pathUnchecked(path)[method]({ queryParameters: { 'api-version': apiVersion }, body, headers, skipUrlEncoding: true });
        const status = Number(response.status);
        if (status < 200 || status > 299) {
            throw new AzureRequestError(status, response.body, response.headers['x-ms-request-id']);
        }
        return response.body;
    }

    private async listArm(path: string, apiVersion: string): Promise<Json[]> {
        const items: Json[] = [];
        const pages = new PageGuard(path, this.session.cloud.resourceManagerEndpointUrl);
        let page = await this.sendArm('get', path, apiVersion) as { value?: Json[]; nextLink?: string };
        items.push(...(page.value ?? []));
        while (page.nextLink) {
            const next = pages.next(page.nextLink);
            page = await this.sendArm('get', next.pathname + next.search, apiVersion) as { value?: Json[]; nextLink?: string };
            items.push(...(page.value ?? []));
        }
        return items;
    }
}

/** What "Advanced options…" set for a new cluster, as AKS's cluster properties (zones go on the system pool). */
function clusterOptionsBody(o: ClusterOptions): Partial<ManagedCluster> {
    return {
        ...(o.tier ? { sku: { name: 'Base', tier: o.tier } } : {}),
        ...(o.networkPlugin ? { networkProfile: { networkPlugin: o.networkPlugin, ...(o.networkPluginMode ? { networkPluginMode: o.networkPluginMode } : {}) } } : {}),
        ...(o.sshPublicKey ? { linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: o.sshPublicKey }] } } } : {}),
        ...(o.tags ? { tags: { ...o.tags } } : {}),
    };
}

/** What "Advanced options…" set, as AKS's pool properties; what was not set is left to AKS's defaults. */
function poolOptionsBody(o: PoolOptions): Partial<AgentPool> {
    return {
        ...(o.zones ? { availabilityZones: [...o.zones] } : {}),
        ...(o.labels ? { nodeLabels: { ...o.labels } } : {}),
        ...(o.taints ? { nodeTaints: [...o.taints] } : {}),
        ...(o.autoscale ? { enableAutoScaling: true, minCount: o.autoscale.min, maxCount: o.autoscale.max } : {}),
        ...(o.maxPods !== undefined ? { maxPods: o.maxPods } : {}),
        ...(o.maxSurge ? { upgradeSettings: { maxSurge: o.maxSurge } } : {}),
        ...(o.osDiskSizeGB !== undefined ? { osDiskSizeGB: o.osDiskSizeGB } : {}),
        ...(o.osDiskType ? { osDiskType: o.osDiskType } : {}),
        ...(o.tags ? { tags: { ...o.tags } } : {}),
        ...(o.spot ? { scaleSetPriority: 'Spot', scaleSetEvictionPolicy: o.spot.evictionPolicy, spotMaxPrice: o.spot.maxPrice } : {}),
    };
}

/**
 * The SDK serializes only the properties it knows. For the upgrade PUT, which must send back everything the
 * user did not mean to change, this swaps in the pool's JSON exactly as built from Azure's answer.
 */
function wholeBodyPolicy(bodies: Map<string, string>): PipelinePolicy {
    return {
        name: 'aksSnapshotsWholeBody',
        sendRequest: (request, next) => {
            const key = request.headers.get(WHOLE_BODY_HEADER);
            if (key) {
                request.headers.delete(WHOLE_BODY_HEADER);
                const body = bodies.get(key);
                if (body !== undefined) {
                    request.body = body;
                }
            }
            return next(request);
        },
    };
}

interface Poller<T> extends PromiseLike<T> {
    onProgress(callback: (state: { status: string }) => void): unknown;
    submitted(): Promise<void>;
}

async function watch<T>(poller: Poller<T>, options: LongOperationOptions): Promise<T> {
    if (options.onProgress) {
        const report = options.onProgress;
        poller.onProgress((state) => report(state.status));
    }
    if (options.onAccepted) {
        const accepted = options.onAccepted;
        void poller.submitted().then(accepted, () => undefined);
    }
    try {
        return await poller;
    } catch (error) {
        throw options.abortSignal?.aborted ? error : operationEnd(error);
    }
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

/**
 * Reads every page, keeping Azure's own error message when a page fails, and asking for a next page only after
 * checking its link: a list that loops back or never ends stops instead of requesting forever.
 */
async function collect<S, T>(list: (options: { onResponse: (response: { status: number; parsedBody?: unknown; bodyAsText?: string | null }) => void }) => PagedList<S>, map: (item: S) => T, what: string, armEndpoint: string): Promise<T[]> {
    let errorBody: unknown;
    const onResponse = (response: { status: number; parsedBody?: unknown; bodyAsText?: string | null }): void => {
        if (response.status >= 400) {
            errorBody = response.parsedBody ?? response.bodyAsText;
        }
    };
    const pages = new PageGuard(what, armEndpoint);
    const items: T[] = [];
    try {
        for await (const page of list({ onResponse }).byPage()) {
            items.push(...page.map(map));
            if (page.continuationToken) {
                pages.next(page.continuationToken);
            }
        }
    } catch (error) {
        throw error instanceof PagingStopped || error instanceof ForeignHostError ? error : withAzureMessage(error, errorBody);
    }
    return items;
}

interface PagedList<S> {
    byPage(): AsyncIterable<S[] & { continuationToken?: string }>;
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
 * Refuses a change (nothing sent) when the resource is not the one the person confirmed: its eTag moved on, or,
 * where a read had no eTag, a field the confirmation showed differs.
 */
function requireAsConfirmed(id: string, changed: readonly FieldChange[], confirmedETag: string | undefined, eTagNow: string | undefined): void {
    if (confirmedETag && eTagNow && confirmedETag !== eTagNow) {
        throw new ResourceChangedError(id, 'changed');
    }
    if (changed.length > 0) {
        throw new ResourceChangedError(id, 'changed', { changes: describeChanges(changed) });
    }
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

/** The pool as read, with only the upgrade's own fields changed and `UPGRADE_PUT_DROPS` left out. */
export function upgradeBody(current: Json, snapshot: Snapshot, settings: UpgradeSettingsChange): Json {
    const properties = { ...((current.properties ?? {}) as Json) };
    for (const field of Object.keys(UPGRADE_PUT_DROPS)) {
        delete properties[field];
    }
    const changed = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== ''));
    return {
        ...current,
        properties: {
            ...properties,
            orchestratorVersion: snapshot.kubernetesVersion,
            creationData: { sourceResourceId: snapshot.id },
            ...(Object.keys(changed).length ? { upgradeSettings: { ...(properties.upgradeSettings as Json | undefined), ...changed } } : {}),
        },
    };
}
