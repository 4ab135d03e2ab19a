import * as vscode from 'vscode';
import type {
    ClusterOptionDescriptor,
    NetworkChoice,
    PoolOptionDescriptor,
    PoolOptions,
    UpgradeSettingDescriptor,
} from '../model/poolOptions';

/** The zones offered and where they came from, for the zones question. */
export interface ZonesAsked {
    readonly zones: readonly string[];
    readonly vmSize?: string;
    readonly location?: string;
    /** The zones are Azure's (its SKU list); otherwise all three were assumed. */
    readonly fromAzure: boolean;
}

/** An option's words: its name in the list, its question, an example, its summary line and its choices' names. */
export interface OptionWords {
    readonly label: string;
    readonly prompt?: (resource: ZonesAsked) => string;
    /** The question over a list of choices; the label when none. */
    readonly question?: string;
    readonly placeHolder?: string;
    /** The value as the list of options shows it; the descriptor's `show` when none. */
    readonly shown?: (value: never) => string;
    /** The summary's line (the SSH key's names its file); `label: shown value` when none. */
    readonly summary?: (value: never, resource: { readonly sshKeyFile?: string }) => string;
    readonly choices?: Readonly<Record<string, { readonly label: string; readonly description?: string }>>;
    /** The first choice of a list, the one that sets nothing; "AKS default" when none. */
    readonly unset?: { readonly label: string; readonly description?: string };
}

/** The words of every option of Add Node Pool, by the id of its descriptor (src/model/poolOptions.ts). */
export function poolOptionWords(): Readonly<Record<string, OptionWords>> {
    return {
        zones: {
            label: vscode.l10n.t('Availability zones'),
            prompt: (pool) =>
                pool.fromAzure
                    ? vscode.l10n.t(
                          'Availability zones for the pool, separated by spaces: {0} offers {1} in {2}. Empty: no zones.',
                          pool.vmSize ?? '',
                          pool.zones.join(' ') || vscode.l10n.t('none'),
                          pool.location ?? '',
                      )
                    : vscode.l10n.t(
                          "Availability zones for the pool, separated by spaces (the region's VM sizes could not be read: 1 2 3 assumed). Empty: no zones.",
                      ),
            placeHolder: '1 2 3',
            summary: (zones: readonly string[]) => vscode.l10n.t('Availability zones: {0}', zones.join(' ')),
        },
        labels: {
            label: vscode.l10n.t('Node labels'),
            prompt: () => vscode.l10n.t('Kubernetes labels for the nodes: key=value, separated by commas. Empty: none.'),
            placeHolder: 'team=platform, tier=gold',
        },
        taints: {
            label: vscode.l10n.t('Node taints'),
            prompt: () =>
                vscode.l10n.t(
                    'Kubernetes taints for the nodes: key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute), separated by commas. Empty: none.',
                ),
            placeHolder: 'sku=gpu:NoSchedule',
        },
        autoscale: {
            label: vscode.l10n.t('Cluster autoscaler'),
            prompt: () =>
                vscode.l10n.t(
                    'Let the cluster autoscaler size the pool between min and max nodes, as min-max (the node count must lie within). Empty: off.',
                ),
            placeHolder: '1-5',
            summary: (range: { min: number; max: number }) => vscode.l10n.t('Cluster autoscaler: {0} to {1} nodes', range.min, range.max),
        },
        maxPods: {
            label: vscode.l10n.t('Max pods per node'),
            prompt: () => vscode.l10n.t('Maximum pods per node, 10 to 250. Empty: AKS default.'),
            placeHolder: '110',
        },
        maxSurge: {
            label: vscode.l10n.t('Max surge'),
            prompt: () => vscode.l10n.t('Extra nodes during upgrades: a number of nodes or a percentage like 33%. Empty: AKS default.'),
            placeHolder: '33%',
        },
        osDiskSizeGB: {
            label: vscode.l10n.t('OS disk size (GB)'),
            prompt: () => vscode.l10n.t('OS disk size in GB, 30 to 2048. Empty: AKS default.'),
            placeHolder: '128',
            summary: (size: number) => vscode.l10n.t('OS disk size: {0} GB', size),
        },
        osDiskType: {
            label: vscode.l10n.t('OS disk type'),
            choices: {
                Managed: { label: 'Managed', description: vscode.l10n.t('an Azure managed disk') },
                Ephemeral: {
                    label: 'Ephemeral',
                    description: vscode.l10n.t("on the VM's local storage: faster, lost on re-image; the size must support it"),
                },
            },
        },
        tags: {
            label: vscode.l10n.t('Tags'),
            prompt: () => vscode.l10n.t('Azure tags for the pool: key=value, separated by commas. Empty: none.'),
            placeHolder: 'team=platform',
        },
        spot: {
            label: vscode.l10n.t('Spot'),
            shown: (spot: NonNullable<PoolOptions['spot']>) =>
                vscode.l10n.t(
                    'Spot, eviction {0}, max price {1}',
                    spot.evictionPolicy,
                    spot.maxPrice === -1 ? vscode.l10n.t('on-demand') : String(spot.maxPrice),
                ),
            summary: (spot: NonNullable<PoolOptions['spot']>) =>
                vscode.l10n.t(
                    'Spot: eviction {0}, max price {1}',
                    spot.evictionPolicy,
                    spot.maxPrice === -1 ? vscode.l10n.t('on-demand') : String(spot.maxPrice),
                ),
        },
    };
}

/** The words of every option of Create Cluster after its channels, by the id of its descriptor. */
export function clusterOptionWords(): Readonly<Record<string, OptionWords>> {
    return {
        sshPublicKey: {
            label: vscode.l10n.t('SSH public key'),
            summary: (key: string, cluster) => vscode.l10n.t('SSH public key: {0}', cluster.sshKeyFile ?? `${key.split(' ')[0]} …`),
        },
        network: {
            label: vscode.l10n.t('Network plugin'),
            summary: (network: NetworkChoice) =>
                vscode.l10n.t('Network plugin: {0}', `${network.plugin}${network.mode ? ` (${network.mode})` : ''}`),
        },
        tier: {
            label: vscode.l10n.t('Tier'),
            question: vscode.l10n.t('Pricing tier of the control plane'),
            choices: {
                Free: { label: 'Free', description: vscode.l10n.t('no uptime SLA') },
                Standard: { label: 'Standard', description: vscode.l10n.t('uptime SLA, for production') },
                Premium: { label: 'Premium', description: vscode.l10n.t('Standard with long-term support') },
            },
        },
        zones: {
            label: vscode.l10n.t('Availability zones'),
            prompt: (cluster) =>
                cluster.fromAzure
                    ? vscode.l10n.t(
                          'Availability zones for the system pool, separated by spaces: {0} offers {1} in {2}. Empty: no zones.',
                          cluster.vmSize ?? '',
                          cluster.zones.join(' ') || vscode.l10n.t('none'),
                          cluster.location ?? '',
                      )
                    : vscode.l10n.t(
                          "Availability zones for the pool, separated by spaces (the region's VM sizes could not be read: 1 2 3 assumed). Empty: no zones.",
                      ),
            placeHolder: '1 2 3',
        },
        tags: {
            label: vscode.l10n.t('Tags'),
            prompt: () => vscode.l10n.t('Azure tags for the cluster: key=value, separated by commas. Empty: none.'),
            placeHolder: 'team=platform',
        },
    };
}

/** The words of every upgrade setting, by the id of its descriptor (its key in AKS's `upgradeSettings`). */
export function upgradeSettingWords(): Readonly<Record<string, OptionWords>> {
    return {
        maxSurge: {
            label: vscode.l10n.t('Max surge'),
            prompt: () =>
                vscode.l10n.t(
                    "Extra nodes during the upgrade: a number of nodes or a percentage like 33%; 0 for none (then Max unavailable of 1 or more). Empty: each pool's setting.",
                ),
            placeHolder: '10%',
        },
        maxUnavailable: {
            label: vscode.l10n.t('Max unavailable'),
            prompt: () =>
                vscode.l10n.t(
                    "Nodes that may be unavailable during the upgrade: a number of nodes or a percentage like 10%. Empty: the pool's setting.",
                ),
            placeHolder: '0',
        },
        drainTimeoutInMinutes: {
            label: vscode.l10n.t('Drain timeout (minutes)'),
            prompt: () => vscode.l10n.t("How long to wait for each node to drain, 1 to 1440 minutes. Empty: the pool's setting."),
            placeHolder: '30',
            summary: (minutes: number) => vscode.l10n.t('Drain timeout: {0} minutes', minutes),
        },
        nodeSoakDurationInMinutes: {
            label: vscode.l10n.t('Node soak duration (minutes)'),
            prompt: () =>
                vscode.l10n.t("How long to wait after draining a node before the next, 0 to 30 minutes. Empty: the pool's setting."),
            placeHolder: '0',
            summary: (minutes: number) => vscode.l10n.t('Node soak duration: {0} minutes', minutes),
        },
        undrainableNodeBehavior: {
            label: vscode.l10n.t('Nodes that cannot be drained'),
            question: vscode.l10n.t('When a pod disruption budget blocks draining a node'),
            unset: { label: vscode.l10n.t("The pool's setting"), description: vscode.l10n.t('by default the upgrade fails') },
            choices: {
                Cordon: {
                    label: 'Cordon',
                    description: vscode.l10n.t('cordon the node and go on with a surge node in its place; it stays for you to handle'),
                },
                Schedule: { label: 'Schedule', description: vscode.l10n.t('leave the node schedulable and go on') },
            },
        },
    };
}

type Described = PoolOptionDescriptor | ClusterOptionDescriptor | UpgradeSettingDescriptor;

/**
 * An option's words from its flow's catalogue, else the descriptor's id as its name (an option whose words are yet
 * to be written).
 */
export function wordsOf(descriptor: Described, catalogue: Readonly<Record<string, OptionWords>> = poolOptionWords()): OptionWords {
    return catalogue[descriptor.id] ?? { label: descriptor.id };
}

/** One option's value as the list of options shows it. */
export function optionShown(descriptor: Described, value: unknown, words: OptionWords = wordsOf(descriptor)): string {
    const shown = words.shown as ((value: unknown) => string) | undefined;
    return shown ? shown(value) : (descriptor.show as (value: unknown) => string)(value);
}

/** The summary's line of one option set. */
export function optionSummaryLine(
    descriptor: Described,
    value: unknown,
    words: OptionWords = wordsOf(descriptor),
    resource: { readonly sshKeyFile?: string } = {},
): string {
    return words.summary
        ? (words.summary as (value: unknown, resource: { readonly sshKeyFile?: string }) => string)(value, resource)
        : `${words.label}: ${(descriptor.show as (value: unknown) => string)(value)}`;
}
