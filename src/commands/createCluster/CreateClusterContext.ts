import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { AksService, ResourceGroup } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NewCluster } from '../../model/aks';
import { PINNED_CHANNELS, UpgradeChannels } from '../../model/channels';
import type { ClusterOptions } from '../../model/poolOptions';
import type { NodePoolSpecContext } from '../common/NodePoolSpec';
import type { LongOperationContext } from '../common/guardedChange';
import { required } from '../../model/required';

export interface CreateClusterContext extends NodePoolSpecContext, LongOperationContext, Partial<ExecuteActivityContext> {
    readonly services: AksServices;
    /** The subscription the cluster goes to. */
    service?: AksService;
    newClusterName?: string;
    resourceGroup?: string;
    /** True when the resource group is to be made (in the cluster's region). */
    newResourceGroup?: boolean;
    /** Set once the new resource group exists. */
    resourceGroupMade?: boolean;
    resourceGroups?: ResourceGroup[];
    location?: string;
    /** The snapshot's version is offered in the region only under long-term support (set with the region). */
    longTermSupport?: boolean;
    dnsPrefix?: string;
    /** R7: the automatic-upgrade channels; the pinned ones unless chosen under Advanced options. */
    channels?: UpgradeChannels;
    /** Set under "Advanced options…"; AKS's defaults for the rest. */
    clusterOptions?: { -readonly [K in keyof ClusterOptions]: ClusterOptions[K] };
    /** The file the SSH key came from, for the `az` line. */
    sshKeyFile?: string;
    confirmed?: boolean;
    /** Set by CreateClusterStep. */
    cluster?: Cluster;
    finished?: boolean;
}

/** The cluster the answers describe: sent to Azure and written as the `az` lines. */
export function newCluster(context: CreateClusterContext): NewCluster {
    return {
        resourceGroup: required(context.resourceGroup, 'resourceGroup'),
        name: required(context.newClusterName, 'newClusterName'),
        location: required(context.location, 'location'),
        dnsPrefix: required(context.dnsPrefix, 'dnsPrefix'),
        nodePoolName: required(context.poolName, 'poolName'),
        vmSize: required(context.vmSize, 'vmSize'),
        count: required(context.nodeCount, 'nodeCount'),
        snapshot: required(context.snapshot, 'snapshot'),
        channels: context.channels ?? PINNED_CHANNELS,
        options: context.clusterOptions ?? {},
        ...(context.longTermSupport ? { longTermSupport: true } : {}),
    };
}
