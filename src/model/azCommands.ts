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

export interface NodePoolAddArgs {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly cluster: string;
    readonly name: string;
    readonly snapshotId: string;
    readonly vmSize: string;
    readonly count: number;
    readonly mode: 'System' | 'User';
    readonly osType: string;
}

export function nodePoolAddCommand(a: NodePoolAddArgs): AzCommand {
    return ['az', 'aks', 'nodepool', 'add', '--subscription', a.subscriptionId, '--resource-group', a.resourceGroup, '--cluster-name', a.cluster,
        '--name', a.name, '--snapshot-id', a.snapshotId, '--node-vm-size', a.vmSize, '--node-count', String(a.count), '--mode', a.mode,
        ...(a.osType === 'Windows' ? ['--os-type', 'Windows'] : [])];
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

export interface ClusterCreateArgs {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    readonly dnsPrefix: string;
    readonly nodePoolName: string;
    readonly vmSize: string;
    readonly count: number;
    readonly snapshotId: string;
    /** A new resource group is made first. */
    readonly newResourceGroup: boolean;
}

export function clusterCreateCommands(a: ClusterCreateArgs): AzCommand[] {
    const group: AzCommand = ['az', 'group', 'create', '--subscription', a.subscriptionId, '--name', a.resourceGroup, '--location', a.location];
    const create: AzCommand = ['az', 'aks', 'create', '--subscription', a.subscriptionId, '--resource-group', a.resourceGroup, '--name', a.name,
        '--location', a.location, '--dns-name-prefix', a.dnsPrefix, '--nodepool-name', a.nodePoolName, '--node-vm-size', a.vmSize,
        '--node-count', String(a.count), '--snapshot-id', a.snapshotId, '--no-ssh-key'];
    return a.newResourceGroup ? [group, create] : [create];
}

/** Several commands as one line that stops at the first failure. */
export function toShellScript(commands: readonly AzCommand[]): string {
    return commands.map(toShellLine).join(' && ');
}
