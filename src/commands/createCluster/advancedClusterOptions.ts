import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PINNED_CHANNELS, UpgradeChannels } from '../../model/channels';
import { formatTags, parseTags } from '../../model/names';
import { ClusterOptions, offeredZones, parseSshPublicKey, parseZones } from '../../model/poolOptions';
import type { Problem } from '../../model/problems';
import { findVmSize } from '../../model/vmSize';
import { AdvancedOption, pickedOption, typedOption } from '../common/advancedOptions';
import { describeProblem } from '../../messages/describeProblem';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

type Options = { -readonly [K in keyof ClusterOptions]: ClusterOptions[K] };

const options = (context: CreateClusterContext): Options => (context.clusterOptions ??= {});
const channels = (context: CreateClusterContext): UpgradeChannels => context.channels ?? PINNED_CHANNELS;

/** The public keys in the person's `~/.ssh` (`*.pub`), read when the question is asked; none when there is no such folder. */
async function sshPublicKeys(): Promise<{ file: string; key: string }[]> {
    const folder = path.join(os.homedir(), '.ssh');
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const keys = await Promise.all(
        names
            .filter((n) => n.endsWith('.pub'))
            .sort()
            .map(async (n) => ({
                file: path.join(folder, n),
                key: (await fs.readFile(path.join(folder, n), 'utf8').catch(() => '')).trim(),
            })),
    );
    return keys.filter((k) => 'value' in parseSshPublicKey(k.key));
}

/** What Create Cluster offers under "Advanced options…": the `az aks create` settings platform engineers use. */
export function advancedClusterOptions(): AdvancedOption<CreateClusterContext>[] {
    return [
        pickedOption<CreateClusterContext, string>(
            vscode.l10n.t('Node OS upgrade channel'),
            vscode.l10n.t("Node OS upgrade channel (only None and Unmanaged keep the snapshot's image)"),
            [
                {
                    value: 'None',
                    label: 'None',
                    description: vscode.l10n.t("keeps the snapshot's image until you upgrade (recommended for snapshots)"),
                },
                {
                    value: 'Unmanaged',
                    label: 'Unmanaged',
                    description: vscode.l10n.t('the OS applies its own security updates; the image stays'),
                },
                {
                    value: 'NodeImage',
                    label: 'NodeImage',
                    description: vscode.l10n.t("AKS re-images the pool weekly: it leaves the snapshot's image"),
                },
                {
                    value: 'SecurityPatch',
                    label: 'SecurityPatch',
                    description: vscode.l10n.t("AKS patches and re-images the nodes: they leave the snapshot's image"),
                },
            ],
            (c) => channels(c).nodeOsUpgradeChannel,
            (c, v) => (c.channels = { ...channels(c), nodeOsUpgradeChannel: v ?? PINNED_CHANNELS.nodeOsUpgradeChannel }),
        ),
        pickedOption<CreateClusterContext, string>(
            vscode.l10n.t('Auto-upgrade channel'),
            vscode.l10n.t("Auto-upgrade channel (only none keeps the snapshot's image)"),
            [
                { value: 'none', label: 'none', description: vscode.l10n.t('no automatic upgrades (recommended for snapshots)') },
                { value: 'patch', label: 'patch', description: vscode.l10n.t('the latest patch of the minor version; pools re-imaged') },
                { value: 'stable', label: 'stable', description: vscode.l10n.t('the latest stable minor version; pools re-imaged') },
                { value: 'rapid', label: 'rapid', description: vscode.l10n.t('the latest minor version; pools re-imaged') },
                {
                    value: 'node-image',
                    label: 'node-image',
                    description: vscode.l10n.t('the latest node image (needs node OS channel NodeImage)'),
                },
            ],
            (c) => channels(c).upgradeChannel,
            (c, v) => (c.channels = { ...channels(c), upgradeChannel: v ?? PINNED_CHANNELS.upgradeChannel }),
        ),
        {
            label: vscode.l10n.t('SSH public key'),
            value: (c) => {
                const key = options(c).sshPublicKey;
                return (
                    key &&
                    `${key.split(' ')[0]} …${key.split(' ')[1]?.slice(-12) ?? ''}${c.sshKeyFile ? ` (${path.basename(c.sshKeyFile)})` : ''}`
                );
            },
            ask: async (c) => {
                const keys = await sshPublicKeys();
                const paste: unique symbol = Symbol('paste');
                const picked = (
                    await c.ui.showQuickPick(
                        [
                            {
                                label: vscode.l10n.t('None'),
                                description: vscode.l10n.t('no SSH access to the nodes (AKS default)'),
                                data: undefined,
                            },
                            ...keys.map((k) => ({
                                label: path.basename(k.file),
                                description: `${k.key.split(' ')[0]} · ${k.file}`,
                                data: k as { file: string; key: string } | typeof paste,
                            })),
                            { label: vscode.l10n.t('Paste a public key…'), data: paste },
                        ],
                        {
                            placeHolder: vscode.l10n.t('SSH public key for the nodes (from ~/.ssh)'),
                            stepName: 'option-ssh',
                            suppressPersistence: true,
                        },
                    )
                ).data;
                if (picked === paste) {
                    const text = await c.ui.showInputBox({
                        prompt: vscode.l10n.t('An OpenSSH public key (ssh-rsa, ssh-ed25519 or ecdsa-sha2-…)'),
                        stepName: 'option-sshKey',
                        validateInput: (v) => {
                            const parsed = parseSshPublicKey(v);
                            return 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
                        },
                    });
                    options(c).sshPublicKey = text.trim();
                    c.sshKeyFile = undefined;
                } else {
                    const key = picked as { file: string; key: string } | undefined;
                    options(c).sshPublicKey = key?.key;
                    c.sshKeyFile = key?.file;
                }
            },
        },
        {
            label: vscode.l10n.t('Network plugin'),
            value: (c) =>
                options(c).networkPlugin &&
                `${options(c).networkPlugin}${options(c).networkPluginMode ? ` (${options(c).networkPluginMode})` : ''}`,
            ask: async (c) => {
                const picked = (
                    await c.ui.showQuickPick(
                        [
                            { label: vscode.l10n.t('AKS default'), data: undefined },
                            {
                                label: 'azure',
                                description: vscode.l10n.t('Azure CNI, pods get VNet addresses'),
                                data: { plugin: 'azure' as const },
                            },
                            {
                                label: 'azure (overlay)',
                                description: vscode.l10n.t('Azure CNI Overlay, pods get addresses from a private range'),
                                data: { plugin: 'azure' as const, mode: 'overlay' as const },
                            },
                            {
                                label: 'kubenet',
                                description: vscode.l10n.t("kubenet, pods behind the node's address"),
                                data: { plugin: 'kubenet' as const },
                            },
                            { label: 'none', description: vscode.l10n.t('no CNI: bring your own'), data: { plugin: 'none' as const } },
                        ],
                        { placeHolder: vscode.l10n.t('Network plugin and mode'), stepName: 'option-network', suppressPersistence: true },
                    )
                ).data;
                options(c).networkPlugin = picked?.plugin;
                options(c).networkPluginMode = picked?.mode;
            },
        },
        pickedOption<CreateClusterContext, 'Free' | 'Standard' | 'Premium'>(
            vscode.l10n.t('Tier'),
            vscode.l10n.t('Pricing tier of the control plane'),
            [
                { value: undefined, label: vscode.l10n.t('AKS default') },
                { value: 'Free', label: 'Free', description: vscode.l10n.t('no uptime SLA') },
                { value: 'Standard', label: 'Standard', description: vscode.l10n.t('uptime SLA, for production') },
                { value: 'Premium', label: 'Premium', description: vscode.l10n.t('Standard with long-term support') },
            ],
            (c) => options(c).tier,
            (c, v) => (options(c).tier = v),
        ),
        {
            label: vscode.l10n.t('Availability zones'),
            value: (c) => options(c).zones?.join(' '),
            ask: async (c) => {
                const size = c.regionSizes && c.vmSize ? findVmSize(c.regionSizes.sizes, c.vmSize) : undefined;
                const zones = size ? offeredZones(size) : ['1', '2', '3'];
                await typedOption<CreateClusterContext, readonly string[]>(
                    vscode.l10n.t('Availability zones'),
                    size
                        ? vscode.l10n.t(
                              'Availability zones for the system pool, separated by spaces: {0} offers {1} in {2}. Empty: no zones.',
                              required(c.vmSize, 'vmSize'),
                              zones.join(' ') || vscode.l10n.t('none'),
                              required(c.location, 'location'),
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
            vscode.l10n.t('Tags'),
            vscode.l10n.t('Azure tags for the cluster: key=value, separated by commas. Empty: none.'),
            'team=platform',
            (c) => options(c).tags,
            (t) => formatTags(t),
            (text) => tagsParsed(text),
            (c, v) => (options(c).tags = v),
        ),
    ];
}

function tagsParsed(text: string): { value: Record<string, string> } | { problem: Problem } {
    const parsed = parseTags(text);
    return 'problem' in parsed ? parsed : { value: parsed.tags };
}
