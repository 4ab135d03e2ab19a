import type { NewCluster, NewNodePool } from './aks';
import { parseArmId } from './armId';
import { flag } from './azArguments';
import type { UpgradeChannels } from './channels';
import { clusterOptionArguments, clusterOptionsSent, poolOptionArguments, upgradeSettingArguments, UpgradeOptions } from './poolOptions';

/**
 * The Azure CLI command lines that do what each flow does, so a user can script it. Each is an argument list
 * and, through `toShellLine`, one line quoted for the shell it will be pasted into.
 */

export type AzCommand = readonly string[];
/** A remark written after the commands, as the shell writes a comment. */
export interface AzComment {
    readonly comment: string;
}

/** Where an az line is pasted: bash, zsh or dash (`bash`), PowerShell, or the Windows Command Prompt (`cmd`). */
export type Shell = 'bash' | 'powershell' | 'cmd';

/** Written as is: bash reads none of these specially; PowerShell and cmd get fewer (`@x` splats and `a,b` is a list in PowerShell). */
const SAFE: Record<Shell, RegExp> = { bash: /^[-A-Za-z0-9_./:=@%+,]+$/, powershell: /^[-A-Za-z0-9_./:=]+$/, cmd: /^[-A-Za-z0-9_./:=]+$/ };

/**
 * One argument for the shell, so that `az` receives exactly it.
 * - bash/zsh/dash: as is when safe, else in single quotes (nothing is special inside them; `'` as `'\''`).
 * - cmd: `az` is a batch file (`az.cmd`) that hands its arguments to Python, so the text passes cmd twice (the line,
 *   then the batch file's `%*`) and then Windows' argument rules (Microsoft C runtime, "Parsing C command-line
 *   arguments"). Every part is in double quotes, which keep `& | < > ( ) ^` and spaces literal in both of cmd's
 *   passes; a `"` is written `""` (a literal quote inside a quoted part to the C runtime, which keeps cmd's quoting
 *   balanced), backslashes before a quote doubled; `%` stands between quoted parts, since cmd expands `%NAME%`
 *   even inside quotes, but no variable's name holds the quotes that then sit between two `%`.
 * - PowerShell: the cmd form, since PowerShell runs `az.cmd` through cmd ("Quoting issues with PowerShell" in the
 *   Azure CLI's docs), inside PowerShell's single quotes, where nothing is special but the single quote itself
 *   (any of `' ‘ ’ ‚ ‛`, doubled: "about_Quoting_Rules").
 */
export function quoteArgument(argument: string, shell: Shell = 'bash'): string {
    if (argument !== '' && SAFE[shell].test(argument)) {
        return argument;
    }
    if (shell === 'bash') {
        return `'${argument.replace(/'/g, `'\\''`)}'`;
    }
    const forCmd = cmdArgument(argument);
    return shell === 'cmd' ? forCmd : `'${forCmd.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

function cmdArgument(argument: string): string {
    return argument
        .split('%')
        .map((part) => `"${part.replace(/(\\*)("|$)/g, (_, slashes: string, quote: string) => slashes + slashes + (quote ? '""' : ''))}"`)
        .join('%');
}

/**
 * PowerShell decides whether to wrap an argument in double quotes by counting the quotes not after a backslash and
 * looking for whitespace outside them, so a value written with a backslash before a quote and holding whitespace would be wrapped
 * again: such a line goes after PowerShell's stop-parsing token `--%`, which hands the rest to cmd as it is.
 */
function needsStopParsing(argument: string): boolean {
    return /\\"/.test(cmdArgument(argument)) && /\s/.test(argument);
}

/** Where Copy az command's lines go by default: the platform's shell, or VS Code's default terminal where it is set. */
export function defaultShell(platform: string, defaultTerminal: string | undefined): Shell {
    const terminal = (defaultTerminal ?? '').toLowerCase();
    if (/powershell|pwsh/.test(terminal)) {
        return 'powershell';
    }
    if (/command prompt|\bcmd\b/.test(terminal)) {
        return 'cmd';
    }
    return terminal || platform !== 'win32' ? 'bash' : 'powershell';
}

export function toShellLine(command: AzCommand, shell: Shell = 'bash'): string {
    if (shell === 'powershell' && command.some(needsStopParsing)) {
        const [program, ...args] = command;
        return [program, '--%', ...args.map((argument) => quoteArgument(argument, 'cmd'))].join(' ');
    }
    return command.map((argument) => quoteArgument(argument, shell)).join(' ');
}

/** `--tags`; a tag name starting with "-" is refused before (`tagNameProblems`), so no pair reads as an option. */
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
    return [
        'az',
        'aks',
        'nodepool',
        'snapshot',
        'create',
        '--subscription',
        a.subscriptionId,
        ...flag('--resource-group', a.resourceGroup),
        ...flag('--name', a.name),
        '--nodepool-id',
        a.nodePoolId,
        '--location',
        a.location,
        ...tagArguments(a.tags),
    ];
}

/** The pool goes to the cluster with id `clusterId`; the CLI fills Kubernetes version and OS SKU from the snapshot. */
export function nodePoolAddCommand(clusterId: string, pool: NewNodePool): AzCommand {
    const cluster = parseArmId(clusterId);
    return [
        'az',
        'aks',
        'nodepool',
        'add',
        '--subscription',
        cluster?.subscriptionId ?? '',
        '--resource-group',
        cluster?.resourceGroup ?? '',
        '--cluster-name',
        cluster?.name ?? '',
        '--name',
        pool.name,
        '--snapshot-id',
        pool.snapshotId,
        '--node-vm-size',
        pool.vmSize,
        '--node-count',
        String(pool.count),
        '--mode',
        pool.mode,
        ...(pool.osType === 'Windows' ? ['--os-type', 'Windows'] : []),
        ...(pool.enableFips ? ['--enable-fips-image'] : []),
        ...poolOptionArguments(pool.options ?? {}),
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
    return [
        'az',
        'aks',
        'nodepool',
        'upgrade',
        '--subscription',
        a.subscriptionId,
        '--resource-group',
        a.resourceGroup,
        '--cluster-name',
        a.cluster,
        '--name',
        a.name,
        '--snapshot-id',
        a.snapshotId,
        ...(a.nodeImageOnly ? ['--node-image-only'] : []),
        // R6: a node-image-only upgrade takes no upgrade settings.
        ...(a.nodeImageOnly ? [] : upgradeSettingArguments({ ...a.options, maxSurge: a.maxSurge })),
        '--yes',
    ];
}

/** With `newResourceGroup`, the group is made first, in the cluster's region. */
export function clusterCreateCommands(subscriptionId: string, c: NewCluster, newResourceGroup: boolean, sshKeyFile?: string): AzCommand[] {
    const group: AzCommand = [
        'az',
        'group',
        'create',
        '--subscription',
        subscriptionId,
        ...flag('--name', c.resourceGroup),
        '--location',
        c.location,
    ];
    const create: AzCommand = [
        'az',
        'aks',
        'create',
        '--subscription',
        subscriptionId,
        ...flag('--resource-group', c.resourceGroup),
        '--name',
        c.name,
        '--location',
        c.location,
        '--dns-name-prefix',
        c.dnsPrefix,
        '--nodepool-name',
        c.nodePoolName,
        '--node-vm-size',
        c.vmSize,
        '--node-count',
        String(c.count),
        '--snapshot-id',
        c.snapshot.id,
        ...(c.snapshot.enableFips ? ['--enable-fips-image'] : []),
        ...clusterOptionArguments(clusterOptionsSent(c.options, c.longTermSupport), { sshKeyFile }),
        ...(c.longTermSupport ? ['--k8s-support-plan', 'AKSLongTermSupport'] : []),
        ...channelArguments(c.channels),
    ];
    return newResourceGroup ? [group, create] : [create];
}

function channelArguments(channels: UpgradeChannels): string[] {
    return ['--auto-upgrade-channel', channels.upgradeChannel, '--node-os-upgrade-channel', channels.nodeOsUpgradeChannel];
}

/** R7's pin: `az aks update` changes only the channels named. */
export function clusterChannelsCommand(clusterId: string, channels: UpgradeChannels): AzCommand {
    const cluster = parseArmId(clusterId);
    return [
        'az',
        'aks',
        'update',
        '--subscription',
        cluster?.subscriptionId ?? '',
        '--resource-group',
        cluster?.resourceGroup ?? '',
        '--name',
        cluster?.name ?? '',
        ...channelArguments(channels),
    ];
}

/** A rollback to the pool's most recent earlier version (Azure CLI 2.88 and later; AKS docs, "Roll back node pool versions"). */
export function nodePoolRollbackCommand(poolId: string): AzCommand {
    const pool = parseArmId(poolId);
    return [
        'az',
        'aks',
        'nodepool',
        'rollback',
        '--subscription',
        pool?.subscriptionId ?? '',
        '--resource-group',
        pool?.resourceGroup ?? '',
        '--cluster-name',
        pool?.name ?? '',
        '--name',
        pool?.agentPool ?? '',
    ];
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
    // `--tags` splits each pair at its first "=", and a pair starting with "-" reads as an option: a tag made
    // elsewhere with such a name goes as the Tags API's own request instead.
    if (Object.keys(tags).some((name) => name.includes('=') || name.startsWith('-'))) {
        return [
            'az',
            'rest',
            '--method',
            'patch',
            '--url',
            `${resourceId}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`,
            '--body',
            JSON.stringify({ operation, properties: { tags } }),
        ];
    }
    return ['az', 'tag', 'update', '--resource-id', resourceId, '--operation', operation, ...tagArguments(tags)];
}

export function snapshotDeleteCommand(snapshotId: string): AzCommand {
    const snapshot = parseArmId(snapshotId);
    return [
        'az',
        'aks',
        'nodepool',
        'snapshot',
        'delete',
        '--subscription',
        snapshot?.subscriptionId ?? '',
        '--resource-group',
        snapshot?.resourceGroup ?? '',
        '--name',
        snapshot?.name ?? '',
        '--yes',
    ];
}

/**
 * Several commands as one line that stops at the first failure, then any remark: `&&` in bash and cmd; in
 * PowerShell `; if ($?) { … }`, which Windows PowerShell 5.1 reads too.
 */
export function toShellScript(lines: readonly (AzCommand | AzComment)[], shell: Shell = 'bash'): string {
    const commands = lines.filter((line): line is AzCommand => Array.isArray(line)).map((command) => toShellLine(command, shell));
    const script =
        shell === 'powershell'
            ? commands.reduceRight((rest, command) => (rest ? `${command}; if ($?) { ${rest} }` : command), '')
            : commands.join(' && ');
    const remarks = lines.filter((line): line is AzComment => !Array.isArray(line)).map((line) => commentLine(line.comment, shell));
    return [script, ...remarks].filter(Boolean).join(shell === 'cmd' ? ' & ' : ' ');
}

/** A remark as the shell writes one: `# …`, or cmd's `rem …` with its special characters escaped. */
function commentLine(text: string, shell: Shell): string {
    return shell === 'cmd' ? `rem ${text.replace(/[\^&|<>%()"]/g, (c) => `^${c}`)}` : `# ${text}`;
}
