import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PINNED_CHANNELS, UpgradeChannels } from '../../model/channels';
import { ClusterFacts, ClusterOptions, CLUSTER_OPTIONS, parseSshPublicKey, zonesOffered } from '../../model/poolOptions';
import { AdvancedOption, declaredOption, pickedOption } from '../common/advancedOptions';
import { clusterOptionWords, wordsOf, ZonesAsked } from '../../messages/optionWords';
import { describeProblem } from '../../messages/describeProblem';
import type { CreateClusterContext } from './CreateClusterContext';

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

/**
 * What Create Cluster offers under "Advanced options…": its upgrade channels, then every option of `CLUSTER_OPTIONS`,
 * asked as its descriptor says, in its words.
 */
export function advancedClusterOptions(): AdvancedOption<CreateClusterContext>[] {
    const words = clusterOptionWords();
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
        ...CLUSTER_OPTIONS.map((descriptor) =>
            declaredOption<CreateClusterContext, ClusterFacts>(
                descriptor,
                wordsOf(descriptor, words),
                {
                    get: (c) => descriptor.get(options(c)),
                    set: (c, value) => void (c.clusterOptions = descriptor.with(options(c), value)),
                    facts: clusterFacts,
                },
                OWN_QUESTIONS,
            ),
        ),
    ];
}

/** What a cluster option's check and question know: the zones the system pool's size offers (all three when unread), the SSH key's file. */
function clusterFacts(c: CreateClusterContext): ClusterFacts & ZonesAsked {
    return {
        ...zonesOffered(c.regionSizes?.sizes, c.vmSize),
        vmSize: c.vmSize,
        location: c.location,
        sshKeyFile: c.sshKeyFile,
    };
}

/** The options asked by questions of their own, by id. */
const OWN_QUESTIONS: Readonly<Record<string, (context: CreateClusterContext) => Promise<void>>> = {
    sshPublicKey: askSshKey,
    network: askNetwork,
};

/** The SSH key: one of the person's `~/.ssh/*.pub`, none, or one pasted. */
async function askSshKey(c: CreateClusterContext): Promise<void> {
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
}

/** The network plugin and its mode, as one choice. */
async function askNetwork(c: CreateClusterContext): Promise<void> {
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
}
