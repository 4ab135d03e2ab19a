import type { NewCluster, NewNodePool } from './aks';
import { parseArmId } from './armId';

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
        '--node-count', String(pool.count), '--mode', pool.mode, ...(pool.osType === 'Windows' ? ['--os-type', 'Windows'] : [])];
}

export interface NodePoolUpgradeArgs {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly cluster: string;
    readonly name: string;
    readonly snapshotId: string;
    readonly nodeImageOnly: boolean;
    readonly maxSurge?: string;
}

export function nodePoolUpgradeCommand(a: NodePoolUpgradeArgs): AzCommand {
    return ['az', 'aks', 'nodepool', 'upgrade', '--subscription', a.subscriptionId, '--resource-group', a.resourceGroup, '--cluster-name', a.cluster,
        '--name', a.name, '--snapshot-id', a.snapshotId, ...(a.nodeImageOnly ? ['--node-image-only'] : []),
        ...(a.maxSurge && !a.nodeImageOnly ? ['--max-surge', a.maxSurge] : []), '--yes'];
}

/** With `newResourceGroup`, the group is made first, in the cluster's region. */
export function clusterCreateCommands(subscriptionId: string, c: NewCluster, newResourceGroup: boolean): AzCommand[] {
    const group: AzCommand = ['az', 'group', 'create', '--subscription', subscriptionId, '--name', c.resourceGroup, '--location', c.location];
    const create: AzCommand = ['az', 'aks', 'create', '--subscription', subscriptionId, '--resource-group', c.resourceGroup, '--name', c.name,
        '--location', c.location, '--dns-name-prefix', c.dnsPrefix, '--nodepool-name', c.nodePoolName, '--node-vm-size', c.vmSize,
        '--node-count', String(c.count), '--snapshot-id', c.snapshot.id, '--no-ssh-key'];
    return newResourceGroup ? [group, create] : [create];
}

/** Several commands as one line that stops at the first failure. */
export function toShellScript(commands: readonly AzCommand[]): string {
    return commands.map(toShellLine).join(' && ');
}
