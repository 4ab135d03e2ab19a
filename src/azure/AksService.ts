import type { ContainerServiceClient } from '@azure/arm-containerservice';
import type { ContainerServiceContext } from '@azure/arm-containerservice/api';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Cluster, NewCluster, NewNodePool, NodePool, Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';
import type { AzureSession } from './AzureAccount';
import { AzureRequestError, withAzureMessage } from './azureErrors';
import { armScope } from './clouds';
import { loadSdk } from './loadSdk';
import { toCluster, toNodePoolFromAgentPool, toSnapshot } from './mappers';

/** Progress of a long operation, as the poller reports it. */
export type OperationProgress = (status: string) => void;

export interface LongOperationOptions {
    readonly onProgress?: OperationProgress;
    readonly abortSignal?: AbortSignal;
    /** Called once Azure has accepted the operation (the resource now shows Creating, Upgrading…). */
    readonly onAccepted?: () => void;
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
const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
const WHOLE_BODY_HEADER = 'x-aks-snapshots-whole-body';

/** Everything the product reads from and writes to AKS in one subscription, over the AKS SDK. */
export class AksService {
    private constructor(
        readonly session: AzureSession,
        private readonly client: ContainerServiceClient,
        private readonly arm: ContainerServiceContext,
        private readonly wholeBodies: Map<string, string>,
    ) {}

    static async create(session: AzureSession): Promise<AksService> {
        const { ContainerServiceClient, createContainerService } = await loadSdk();
        const options = { endpoint: session.cloud.resourceManagerEndpointUrl, credentials: { scopes: [armScope(session.cloud)] } };
        const client = new ContainerServiceClient(session.credential, session.subscription.subscriptionId, options);
        const wholeBodies = new Map<string, string>();
        client.pipeline.addPolicy(wholeBodyPolicy(wholeBodies));
        return new AksService(session, client, createContainerService(session.credential, session.subscription.subscriptionId, options), wholeBodies);
    }

    get subscriptionId(): string {
        return this.session.subscription.subscriptionId;
    }

    /** Every cluster with its pools inline: one round trip (plus paging). */
    async listClusters(): Promise<Cluster[]> {
        return (await collect((options) => this.client.managedClusters.list(options), toCluster)).sort(byName);
    }

    async listSnapshots(): Promise<Snapshot[]> {
        return (await collect((options) => this.client.snapshots.list(options), toSnapshot)).sort(byName);
    }

    async getCluster(resourceGroup: string, name: string): Promise<Cluster> {
        return toCluster(await this.client.managedClusters.get(resourceGroup, name));
    }

    async getNodePool(resourceGroup: string, cluster: string, pool: string): Promise<NodePool> {
        return toNodePoolFromAgentPool(await this.client.agentPools.get(resourceGroup, cluster, pool));
    }

    async getSnapshot(resourceGroup: string, name: string): Promise<Snapshot> {
        return toSnapshot(await this.client.snapshots.get(resourceGroup, name));
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
        const group = await this.sendArm('put', `/subscriptions/${this.subscriptionId}/resourcegroups/${encodeURIComponent(name)}`, RESOURCES_API_VERSION, { location }) as Json;
        return { name: String(group.name), location: String(group.location) };
    }

    async listLocations(): Promise<Location[]> {
        const locations = await this.listArm(`/subscriptions/${this.subscriptionId}/locations`, SUBSCRIPTIONS_API_VERSION);
        return locations.map((l) => ({ name: String(l.name), displayName: String(l.displayName ?? l.name) })).sort((a, b) => a.displayName.localeCompare(b.displayName));
    }

    /** Snapshots are made synchronously, in the source pool's region (R2). */
    async createSnapshot(resourceGroup: string, name: string, location: string, sourcePoolId: string, tags?: Record<string, string>): Promise<Snapshot> {
        const created = await this.client.snapshots.createOrUpdate(resourceGroup, name, {
            location,
            tags,
            creationData: { sourceResourceId: sourcePoolId },
            snapshotType: 'NodePool',
        });
        return toSnapshot(created);
    }

    async updateSnapshotTags(resourceGroup: string, name: string, tags: Record<string, string>): Promise<Snapshot> {
        return toSnapshot(await this.client.snapshots.updateTags(resourceGroup, name, { tags }));
    }

    async deleteSnapshot(resourceGroup: string, name: string): Promise<void> {
        await this.client.snapshots.delete(resourceGroup, name);
    }

    /** Adds a pool whose node image comes from a snapshot; resolves when AKS reports it done. */
    async createNodePoolFromSnapshot(clusterId: string, pool: NewNodePool, options: LongOperationOptions = {}): Promise<NodePool> {
        const cluster = requireArmId(clusterId);
        const poller = this.client.agentPools.createOrUpdate(cluster.resourceGroup, cluster.name, pool.name, {
            count: pool.count,
            vmSize: pool.vmSize,
            osType: pool.osType,
            osSKU: pool.osSku,
            mode: pool.mode,
            orchestratorVersion: pool.kubernetesVersion,
            typePropertiesType: 'VirtualMachineScaleSets',
            creationData: { sourceResourceId: pool.snapshotId },
        }, { abortSignal: options.abortSignal });
        return toNodePoolFromAgentPool(await watch(poller, options));
    }

    /** R6: node image only, from a snapshot of the same Kubernetes version (header `AKSSnapshotId`, no body). */
    async upgradeNodeImageToSnapshot(poolId: string, snapshotId: string, options: LongOperationOptions = {}): Promise<void> {
        const pool = requireArmId(poolId);
        const poller = this.client.agentPools.upgradeNodeImageVersion(pool.resourceGroup, pool.name, pool.agentPool ?? '', {
            abortSignal: options.abortSignal,
            requestOptions: { headers: { AKSSnapshotId: snapshotId } },
        });
        await watch(poller, options);
    }

    /**
     * R5: the Kubernetes upgrade. A pool PUT replaces the pool, so the pool is read as Azure returns it and sent
     * back whole with only `orchestratorVersion`, `creationData` (and `upgradeSettings.maxSurge` when given)
     * changed, guarded by `If-Match` so that a change made meanwhile is never overwritten.
     */
    async upgradeNodePoolToSnapshot(poolId: string, snapshot: Snapshot, maxSurge: string | undefined, options: LongOperationOptions = {}): Promise<NodePool> {
        const pool = requireArmId(poolId);
        const current = await this.getResourceJson(poolId);
        const properties = (current.properties ?? {}) as Json;
        const next: Json = {
            ...current,
            properties: {
                ...properties,
                orchestratorVersion: snapshot.kubernetesVersion,
                creationData: { sourceResourceId: snapshot.id },
                ...(maxSurge ? { upgradeSettings: { ...(properties.upgradeSettings as Json | undefined), maxSurge } } : {}),
            },
        };
        const key = crypto.randomUUID();
        this.wholeBodies.set(key, JSON.stringify(next));
        try {
            const poller = this.client.agentPools.createOrUpdate(pool.resourceGroup, pool.name, pool.agentPool ?? '', {}, {
                ifMatch: typeof properties.eTag === 'string' ? properties.eTag : undefined,
                abortSignal: options.abortSignal,
                requestOptions: { headers: { [WHOLE_BODY_HEADER]: key } },
            });
            return toNodePoolFromAgentPool(await watch(poller, options));
        } finally {
            this.wholeBodies.delete(key);
        }
    }

    /** A cluster whose system pool comes from a snapshot (R8 is checked before). */
    async createClusterFromSnapshot(cluster: NewCluster, options: LongOperationOptions = {}): Promise<Cluster> {
        const poller = this.client.managedClusters.createOrUpdate(cluster.resourceGroup, cluster.name, {
            location: cluster.location,
            identity: { type: 'SystemAssigned' },
            kubernetesVersion: cluster.snapshot.kubernetesVersion,
            dnsPrefix: cluster.dnsPrefix,
            enableRbac: true,
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
            }],
        }, { abortSignal: options.abortSignal });
        return toCluster(await watch(poller, options));
    }

    /** A plain ARM request through the AKS client's pipeline (its credential, endpoint, retries); `path` is already encoded. */
    private async sendArm(method: 'get' | 'put', path: string, apiVersion: string, body?: unknown): Promise<unknown> {
        const response = await this.arm.pathUnchecked(path)[method]({ queryParameters: { 'api-version': apiVersion }, body, skipUrlEncoding: true });
        const status = Number(response.status);
        if (status < 200 || status > 299) {
            throw new AzureRequestError(status, response.body);
        }
        return response.body;
    }

    private async listArm(path: string, apiVersion: string): Promise<Json[]> {
        const items: Json[] = [];
        let page = await this.sendArm('get', path, apiVersion) as { value?: Json[]; nextLink?: string };
        items.push(...(page.value ?? []));
        while (page.nextLink) {
            const next = new URL(page.nextLink);
            page = await this.sendArm('get', next.pathname + next.search, apiVersion) as { value?: Json[]; nextLink?: string };
            items.push(...(page.value ?? []));
        }
        return items;
    }
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
    return await poller;
}

/** Reads every page, keeping Azure's own error message when a page fails. */
async function collect<S, T>(list: (options: { onResponse: (response: { status: number; parsedBody?: unknown; bodyAsText?: string | null }) => void }) => AsyncIterable<S>, map: (item: S) => T): Promise<T[]> {
    let errorBody: unknown;
    const onResponse = (response: { status: number; parsedBody?: unknown; bodyAsText?: string | null }): void => {
        if (response.status >= 400) {
            errorBody = response.parsedBody ?? response.bodyAsText;
        }
    };
    const items: T[] = [];
    try {
        for await (const item of list({ onResponse })) {
            items.push(map(item));
        }
    } catch (error) {
        throw withAzureMessage(error, errorBody);
    }
    return items;
}

function requireArmId(id: string) {
    const parsed = parseArmId(id);
    if (!parsed) {
        throw new Error(`"${id}" is not an Azure resource ID.`);
    }
    return parsed;
}

function byName(a: { name: string }, b: { name: string }): number {
    return a.name.localeCompare(b.name);
}
