import type { NewCluster, NewNodePool } from './aks';
import { parseArmId } from './armId';
import type { UpgradeChannels } from './channels';
import type { ClusterOptions, PoolOptions, UpgradeOptions } from './poolOptions';

/**
 * The Azure CLI command lines that do what each flow does, so a user can script it. Each is an argument list
 * and, through `toShellLine`, one line quoted for a POSIX shell.
 */

export type AzCommand = readonly string[];

const SAFE = /^[-A-Za-z0-9_./:=@%+,]+$/;

/** Quotes one argument for sh/bash/zsh: as is when safe, else in single quotes. */
export function quoteShellArgument(argument: string): string {
    return argument !== '' && SAFE.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

export function toShellLine(command: AzCommand): string {
    return command.map(quoteShellArgument).join(' ');
}

function tagArguments(tags: Readonly<Record<string, string>> | undefined): string[] {
    const pairs = Object.entries(tags ?? {}).map(([k, v]) => `${k}=${v}`);
    return pairs.length > 0 ? ['--tags', ...pairs] : [];
}

export interface SnapshotCreateArgs {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly nodePoolId: string;
    /** R2: the source pool's region, given explicitly (the CLI would otherwise take the resource group's). */
    readonly location: string;
    readonly tags?: Readonly<Record<string, string>>;
}

export function snapshotCreateCommand(a: SnapshotCreateArgs): AzCommand {
    return ['az', 'aks', 'nodepool', 'snapshot', 'create', '--subscription', a.subscriptionId, '--resource-group', a.resourceGroup,
        '--name', a.name, '--nodepool-id', a.nodePoolId, '--location', a.location, ...tagArguments(a.tags)];
}

/** The pool goes to the cluster with id `clusterId`; the CLI fills Kubernetes version and OS SKU from the snapshot. */
export function nodePoolAddCommand(clusterId: string, pool: NewNodePool): AzCommand {
    const cluster = parseArmId(clusterId);
    return ['az', 'aks', 'nodepool', 'add', '--subscription', cluster?.subscriptionId ?? '', '--resource-group', cluster?.resourceGroup ?? '',
        '--cluster-name', cluster?.name ?? '', '--name', pool.name, '--snapshot-id', pool.snapshotId, '--node-vm-size', pool.vmSize,
        '--node-count', String(pool.count), '--mode', pool.mode, ...(pool.osType === 'Windows' ? ['--os-type', 'Windows'] : []), ...(pool.enableFips ? ['--enable-fips-image'] : []),
        ...poolOptionArguments(pool.options ?? {})];
}

/** `az aks nodepool add`'s flags for what "Advanced options…" set. */
function poolOptionArguments(o: PoolOptions): string[] {
    return [
        ...(o.zones ? ['--zones', ...o.zones] : []),
        ...(o.labels ? ['--labels', ...Object.entries(o.labels).map(([k, v]) => `${k}=${v}`)] : []),
        ...(o.taints ? ['--node-taints', o.taints.join(',')] : []),
        ...(o.autoscale ? ['--enable-cluster-autoscaler', '--min-count', String(o.autoscale.min), '--max-count', String(o.autoscale.max)] : []),
        ...(o.maxPods !== undefined ? ['--max-pods', String(o.maxPods)] : []),
        ...(o.maxSurge ? ['--max-surge', o.maxSurge] : []),
        ...(o.osDiskSizeGB !== undefined ? ['--node-osdisk-size', String(o.osDiskSizeGB)] : []),
        ...(o.osDiskType ? ['--node-osdisk-type', o.osDiskType] : []),
        ...tagArguments(o.tags),
        ...(o.spot ? ['--priority', 'Spot', '--eviction-policy', o.spot.evictionPolicy, '--spot-max-price', String(o.spot.maxPrice)] : []),
    ];
}

export interface NodePoolUpgradeArgs {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly cluster: string;
    readonly name: string;
    readonly snapshotId: string;
    readonly nodeImageOnly: boolean;
    readonly maxSurge?: string;
    /** Kubernetes path only, like max surge (R6). */
    readonly options?: UpgradeOptions;
}

export function nodePoolUpgradeCommand(a: NodePoolUpgradeArgs): AzCommand {
    return ['az', 'aks', 'nodepool', 'upgrade', '--subscription', a.subscriptionId, '--resource-group', a.resourceGroup, '--cluster-name', a.cluster,
        '--name', a.name, '--snapshot-id', a.snapshotId, ...(a.nodeImageOnly ? ['--node-image-only'] : []),
        ...(a.maxSurge && !a.nodeImageOnly ? ['--max-surge', a.maxSurge] : []), ...(a.nodeImageOnly ? [] : upgradeOptionArguments(a.options ?? {})), '--yes'];
}

function upgradeOptionArguments(o: UpgradeOptions): string[] {
    return [
        ...(o.maxUnavailable ? ['--max-unavailable', o.maxUnavailable] : []),
        ...(o.drainTimeoutInMinutes !== undefined ? ['--drain-timeout', String(o.drainTimeoutInMinutes)] : []),
        ...(o.nodeSoakDurationInMinutes !== undefined ? ['--node-soak-duration', String(o.nodeSoakDurationInMinutes)] : []),
        ...(o.undrainableNodeBehavior ? ['--undrainable-node-behavior', o.undrainableNodeBehavior] : []),
    ];
}

/** With `newResourceGroup`, the group is made first, in the cluster's region. */
export function clusterCreateCommands(subscriptionId: string, c: NewCluster, newResourceGroup: boolean, sshKeyFile?: string): AzCommand[] {
    const group: AzCommand = ['az', 'group', 'create', '--subscription', subscriptionId, '--name', c.resourceGroup, '--location', c.location];
    const create: AzCommand = ['az', 'aks', 'create', '--subscription', subscriptionId, '--resource-group', c.resourceGroup, '--name', c.name,
        '--location', c.location, '--dns-name-prefix', c.dnsPrefix, '--nodepool-name', c.nodePoolName, '--node-vm-size', c.vmSize,
        '--node-count', String(c.count), '--snapshot-id', c.snapshot.id, ...(c.snapshot.enableFips ? ['--enable-fips-image'] : []),
        ...clusterOptionArguments(c.longTermSupport ? { ...c.options, tier: 'Premium' } : c.options ?? {}, sshKeyFile),
        ...(c.longTermSupport ? ['--k8s-support-plan', 'AKSLongTermSupport'] : []), ...channelArguments(c.channels)];
    return newResourceGroup ? [group, create] : [create];
}

/** `az aks create`'s flags for what "Advanced options…" set; the SSH key by its file when it came from one. */
function clusterOptionArguments(o: ClusterOptions, sshKeyFile: string | undefined): string[] {
    return [
        ...(o.sshPublicKey ? ['--ssh-key-value', sshKeyFile ?? o.sshPublicKey] : ['--no-ssh-key']),
        ...(o.networkPlugin ? ['--network-plugin', o.networkPlugin] : []),
        ...(o.networkPluginMode ? ['--network-plugin-mode', o.networkPluginMode] : []),
        ...(o.tier ? ['--tier', o.tier.toLowerCase()] : []),
        ...(o.zones ? ['--zones', ...o.zones] : []),
        ...tagArguments(o.tags),
    ];
}

function channelArguments(channels: UpgradeChannels): string[] {
    return ['--auto-upgrade-channel', channels.upgradeChannel, '--node-os-upgrade-channel', channels.nodeOsUpgradeChannel];
}

/** R7's pin: `az aks update` changes only the channels named. */
export function clusterChannelsCommand(clusterId: string, channels: UpgradeChannels): AzCommand {
    const cluster = parseArmId(clusterId);
    return ['az', 'aks', 'update', '--subscription', cluster?.subscriptionId ?? '', '--resource-group', cluster?.resourceGroup ?? '', '--name', cluster?.name ?? '',
        ...channelArguments(channels)];
}

/** A rollback to the pool's most recent earlier version (Azure CLI 2.88 and later; AKS docs, "Roll back node pool versions"). */
export function nodePoolRollbackCommand(poolId: string): AzCommand {
    const pool = parseArmId(poolId);
    return ['az', 'aks', 'nodepool', 'rollback', '--subscription', pool?.subscriptionId ?? '', '--resource-group', pool?.resourceGroup ?? '',
        '--cluster-name', pool?.name ?? '', '--name', pool?.agentPool ?? ''];
}

/** `az aks nodepool operation-abort` or `az aks operation-abort`: stops the operation running on the pool or cluster. */
export function operationAbortCommand(resourceId: string): AzCommand {
    const id = parseArmId(resourceId);
    const where = ['--subscription', id?.subscriptionId ?? '', '--resource-group', id?.resourceGroup ?? ''];
    return id?.agentPool
        ? ['az', 'aks', 'nodepool', 'operation-abort', ...where, '--cluster-name', id.name, '--name', id.agentPool]
        : ['az', 'aks', 'operation-abort', ...where, '--name', id?.name ?? ''];
}

/** A tag change as ARM's Tags API takes it, as Edit Tags sends it: `Merge` sets the tags given, `Delete` removes them. */
export function tagChangeCommand(resourceId: string, operation: 'Merge' | 'Delete', tags: Readonly<Record<string, string>>): AzCommand {
    // `--tags` splits each pair at its first "=": a name holding one goes as the Tags API's own request instead.
    if (Object.keys(tags).some((name) => name.includes('='))) {
        return ['az', 'rest', '--method', 'patch', '--url', `${resourceId}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`,
            '--body', JSON.stringify({ operation, properties: { tags } })];
    }
    return ['az', 'tag', 'update', '--resource-id', resourceId, '--operation', operation, ...tagArguments(tags)];
}

export function snapshotDeleteCommand(snapshotId: string): AzCommand {
    const snapshot = parseArmId(snapshotId);
    return ['az', 'aks', 'nodepool', 'snapshot', 'delete', '--subscription', snapshot?.subscriptionId ?? '', '--resource-group', snapshot?.resourceGroup ?? '',
        '--name', snapshot?.name ?? '', '--yes'];
}

/** Several commands as one line that stops at the first failure. */
export function toShellScript(commands: readonly AzCommand[]): string {
    return commands.map(toShellLine).join(' && ');
}
