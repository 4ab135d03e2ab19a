import type { ContainerServiceClient } from '@azure/arm-containerservice';
import type { Cluster, NodePool, Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';
import type { AzureSession } from './AzureAccount';
import { withAzureMessage } from './azureErrors';
import { armScope } from './clouds';
import { loadSdk } from './loadSdk';
import { toCluster, toNodePoolFromAgentPool, toSnapshot } from './mappers';

/** Progress of a long operation, as the poller reports it. */
export type OperationProgress = (status: string) => void;

export interface LongOperationOptions {
    readonly onProgress?: OperationProgress;
    readonly abortSignal?: AbortSignal;
}

/** Everything the product reads from and writes to AKS in one subscription, over the AKS SDK. */
export class AksService {
    private constructor(readonly session: AzureSession, private readonly client: ContainerServiceClient) {}

    static async create(session: AzureSession): Promise<AksService> {
        const { ContainerServiceClient } = await loadSdk();
        const client = new ContainerServiceClient(session.credential, session.subscription.subscriptionId, {
            endpoint: session.cloud.resourceManagerEndpointUrl,
            credentials: { scopes: [armScope(session.cloud)] },
        });
        return new AksService(session, client);
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
    async getResourceJson(id: string): Promise<unknown> {
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
        return json;
    }

    /** Every supported patch version in a region (R4). */
    async listKubernetesVersions(location: string): Promise<string[]> {
        const result = await this.client.managedClusters.listKubernetesVersions(location);
        return (result.values ?? []).flatMap((minor) => Object.keys(minor.patchVersions ?? {}));
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

    /** R6: node image only, from a snapshot of the same Kubernetes version (header `AKSSnapshotId`). */
    async upgradeNodeImageToSnapshot(poolId: string, snapshotId: string, options: LongOperationOptions = {}): Promise<void> {
        const pool = requireArmId(poolId);
        const poller = this.client.agentPools.upgradeNodeImageVersion(pool.resourceGroup, pool.name, pool.agentPool ?? '', {
            abortSignal: options.abortSignal,
            requestOptions: { headers: { AKSSnapshotId: snapshotId } },
        });
        await watch(poller, options);
    }
}

export interface NewNodePool {
    readonly name: string;
    readonly snapshotId: string;
    readonly vmSize: string;
    readonly count: number;
    readonly mode: 'System' | 'User';
    readonly osType: string;
    readonly osSku?: string;
    readonly kubernetesVersion: string;
}

interface Poller<T> extends PromiseLike<T> {
    onProgress(callback: (state: { status: string }) => void): unknown;
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

async function watch<T>(poller: Poller<T>, options: LongOperationOptions): Promise<T> {
    if (options.onProgress) {
        const report = options.onProgress;
        poller.onProgress((state) => report(state.status));
    }
    return await poller;
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
