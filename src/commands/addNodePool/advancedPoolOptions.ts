import * as vscode from 'vscode';
import { formatTags, parseTags } from '../../model/names';
import {
    offeredZones,
    parseAutoscale,
    parseLabels,
    parseMaxSurge,
    Parsed,
    parseSpotMaxPrice,
    parseTaints,
    parseWholeNumber,
    parseZones,
    PoolOptions,
} from '../../model/poolOptions';
import { findVmSize } from '../../model/vmSize';
import type { Problem } from '../../model/problems';
import { AdvancedOption, pickedOption, typedOption } from '../common/advancedOptions';
import { describeProblem } from '../../messages/describeProblem';
import type { AddNodePoolContext } from './AddNodePoolContext';

type Options = { -readonly [K in keyof PoolOptions]: PoolOptions[K] };

const options = (context: AddNodePoolContext): Options => (context.poolOptions ??= {});
const asParsed = <T>(
    parsed: { tags: Record<string, string> } | { problem: Problem },
    map: (tags: Record<string, string>) => T,
): Parsed<T> => ('problem' in parsed ? parsed : { value: map(parsed.tags) });

/** The zones the chosen size offers in the cluster's region, from Azure's SKU list; all three when the list could not be read. */
function zonesFor(context: AddNodePoolContext): { zones: string[]; fromAzure: boolean } {
    const size = context.regionSizes && context.vmSize ? findVmSize(context.regionSizes.sizes, context.vmSize) : undefined;
    return size ? { zones: offeredZones(size), fromAzure: true } : { zones: ['1', '2', '3'], fromAzure: false };
}

/** What Add Node Pool offers under "Advanced options…": the settings of `az aks nodepool add` platform engineers use. */
export function advancedPoolOptions(): AdvancedOption<AddNodePoolContext>[] {
    return [
        {
            label: vscode.l10n.t('Availability zones'),
            value: (c) => options(c).zones?.join(' '),
            ask: async (c) => {
                const { zones, fromAzure } = zonesFor(c);
                await typedOption<AddNodePoolContext, readonly string[]>(
                    vscode.l10n.t('Availability zones'),
                    fromAzure
                        ? vscode.l10n.t(
                              'Availability zones for the pool, separated by spaces: {0} offers {1} in {2}. Empty: no zones.',
                              c.vmSize!,
                              zones.join(' ') || vscode.l10n.t('none'),
                              c.cluster!.location,
                          )
                        : vscode.l10n.t(
                              "Availability zones for the pool, separated by spaces (the region's VM sizes could not be read: 1 2 3 assumed). Empty: no zones.",
                          ),
                    '1 2 3',
                    (x) => options(x).zones,
                    (z) => z.join(' '),
                    (text) => parseZones(text, zones),
                    (x, v) => (options(x).zones = v),
                ).ask(c);
            },
        },
        typedOption(
            vscode.l10n.t('Node labels'),
            vscode.l10n.t('Kubernetes labels for the nodes: key=value, separated by commas. Empty: none.'),
            'team=platform, tier=gold',
            (c) => options(c).labels,
            (l) => formatTags(l),
            (text) => parseLabels(text),
            (c, v) => (options(c).labels = v),
        ),
        typedOption(
            vscode.l10n.t('Node taints'),
            vscode.l10n.t(
                'Kubernetes taints for the nodes: key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute), separated by commas. Empty: none.',
            ),
            'sku=gpu:NoSchedule',
            (c) => options(c).taints,
            (t) => t.join(', '),
            (text) => parseTaints(text),
            (c, v) => (options(c).taints = v),
        ),
        typedOption(
            vscode.l10n.t('Cluster autoscaler'),
            vscode.l10n.t(
                'Let the cluster autoscaler size the pool between min and max nodes, as min-max (the node count must lie within). Empty: off.',
            ),
            '1-5',
            (c) => options(c).autoscale,
            (a) => `${a.min}-${a.max}`,
            (text, c) => parseAutoscale(text, c.mode ?? 'User', c.nodeCount),
            (c, v) => (options(c).autoscale = v),
        ),
        typedOption(
            vscode.l10n.t('Max pods per node'),
            vscode.l10n.t('Maximum pods per node, 10 to 250. Empty: AKS default.'),
            '110',
            (c) => options(c).maxPods,
            String,
            (text) => parseWholeNumber('maxPods', text, 10, 250),
            (c, v) => (options(c).maxPods = v),
        ),
        typedOption(
            vscode.l10n.t('Max surge'),
            vscode.l10n.t('Extra nodes during upgrades: a number of nodes or a percentage like 33%. Empty: AKS default.'),
            '33%',
            (c) => options(c).maxSurge,
            String,
            (text) => parseMaxSurge(text),
            (c, v) => (options(c).maxSurge = v),
        ),
        typedOption(
            vscode.l10n.t('OS disk size (GB)'),
            vscode.l10n.t('OS disk size in GB, 30 to 2048. Empty: AKS default.'),
            '128',
            (c) => options(c).osDiskSizeGB,
            String,
            (text) => parseWholeNumber('osDiskSizeGB', text, 30, 2048),
            (c, v) => (options(c).osDiskSizeGB = v),
        ),
        pickedOption<AddNodePoolContext, 'Managed' | 'Ephemeral'>(
            vscode.l10n.t('OS disk type'),
            vscode.l10n.t('OS disk type'),
            [
                { value: undefined, label: vscode.l10n.t('AKS default') },
                { value: 'Managed', label: 'Managed', description: vscode.l10n.t('an Azure managed disk') },
                {
                    value: 'Ephemeral',
                    label: 'Ephemeral',
                    description: vscode.l10n.t("on the VM's local storage: faster, lost on re-image; the size must support it"),
                },
            ],
            (c) => options(c).osDiskType,
            (c, v) => (options(c).osDiskType = v),
        ),
        typedOption(
            vscode.l10n.t('Tags'),
            vscode.l10n.t('Azure tags for the pool: key=value, separated by commas. Empty: none.'),
            'team=platform',
            (c) => options(c).tags,
            (t) => formatTags(t),
            (text) => asParsed(parseTags(text), (t) => t),
            (c, v) => (options(c).tags = v),
        ),
        {
            label: vscode.l10n.t('Spot'),
            value: (c) => {
                const spot = options(c).spot;
                return (
                    spot &&
                    vscode.l10n.t(
                        'Spot, eviction {0}, max price {1}',
                        spot.evictionPolicy,
                        spot.maxPrice === -1 ? vscode.l10n.t('on-demand') : String(spot.maxPrice),
                    )
                );
            },
            ask: async (c) => {
                const policy = (
                    await c.ui.showQuickPick(
                        [
                            {
                                label: vscode.l10n.t('Regular'),
                                description: vscode.l10n.t('AKS default: nodes are not evicted'),
                                data: undefined,
                            },
                            { label: vscode.l10n.t('Spot, evicted nodes deleted'), description: 'Delete', data: 'Delete' as const },
                            {
                                label: vscode.l10n.t('Spot, evicted nodes deallocated'),
                                description: 'Deallocate',
                                data: 'Deallocate' as const,
                            },
                        ],
                        {
                            placeHolder: vscode.l10n.t("Priority of the pool's VMs (Spot pools are User pools)"),
                            stepName: 'option-spot',
                            suppressPersistence: true,
                        },
                    )
                ).data;
                if (!policy) {
                    options(c).spot = undefined;
                    return;
                }
                const price = await c.ui.showInputBox({
                    prompt: vscode.l10n.t('Maximum price per hour in US dollars, or -1 to pay up to the on-demand price.'),
                    value: '-1',
                    stepName: 'option-spotPrice',
                    validateInput: (v) => {
                        const parsed = parseSpotMaxPrice(v);
                        return 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
                    },
                });
                const parsed = parseSpotMaxPrice(price);
                options(c).spot = { evictionPolicy: policy, maxPrice: 'value' in parsed ? parsed.value : -1 };
            },
        },
    ];
}
