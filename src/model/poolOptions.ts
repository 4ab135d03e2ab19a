import type { UpgradeChannels } from './channels';
import type { Problem } from './problems';
import { findVmSize, VmSizeFacts } from './vmSize';
import { parseTags } from './names';
import { flag } from './azArguments';

/**
 * What "Advanced options…" can set, with AKS's documented limits, as pure parsers: each takes what the person
 * typed and returns the value or the problem (field, value, rule). Limits: AKS node pool API reference
 * (`maxPods` 10–250, `osDiskSizeGB` 30–2048, `minCount`/`maxCount` 0–1000, `drainTimeoutInMinutes` 1–1440,
 * `nodeSoakDurationInMinutes` 0–30, `spotMaxPrice` -1 or a price with up to 5 decimals) and Kubernetes' label
 * and taint syntax.
 */

/**
 * Options of a pool added from a snapshot; every one unset by default (AKS's own defaults apply). Each is declared
 * once in `POOL_OPTIONS`; an option added there (with its words in src/messages/optionWords.ts) is asked, shown,
 * sent and written as an az flag with no other change.
 */
export interface PoolOptions {
    readonly zones?: readonly string[];
    readonly labels?: Readonly<Record<string, string>>;
    readonly taints?: readonly string[];
    readonly autoscale?: { readonly min: number; readonly max: number };
    readonly maxPods?: number;
    readonly maxSurge?: string;
    readonly osDiskSizeGB?: number;
    readonly osDiskType?: 'Managed' | 'Ephemeral';
    readonly tags?: Readonly<Record<string, string>>;
    readonly spot?: { readonly evictionPolicy: 'Delete' | 'Deallocate'; readonly maxPrice: number };
    /** An option declared only in `POOL_OPTIONS`, by its id. */
    readonly [option: string]: unknown;
}

/** Options of an upgrade's Kubernetes path (R6: a node-image-only upgrade takes none). */
export interface UpgradeOptions {
    readonly maxUnavailable?: string;
    readonly drainTimeoutInMinutes?: number;
    readonly nodeSoakDurationInMinutes?: number;
    /** What AKS does with a node it cannot drain (a pod disruption budget blocks it): REST spec enum `UndrainableNodeBehavior`. */
    readonly undrainableNodeBehavior?: 'Cordon' | 'Schedule';
}

/** The upgrade settings a Kubernetes upgrade changes (max surge and `UpgradeOptions`); those not given stay the pool's. */
export interface UpgradeSettings extends UpgradeOptions {
    readonly maxSurge?: string;
}

/** Options of a cluster created from a snapshot (the channels live in `NewCluster`). */
export interface ClusterOptions {
    /** An OpenSSH public key (its text); none when unset. */
    readonly sshPublicKey?: string;
    readonly networkPlugin?: 'azure' | 'kubenet' | 'none';
    readonly networkPluginMode?: 'overlay';
    readonly tier?: 'Free' | 'Standard' | 'Premium';
    readonly zones?: readonly string[];
    readonly tags?: Readonly<Record<string, string>>;
}

export type Parsed<T> = { readonly value: T } | { readonly problem: Problem };

const problem = (field: string, value: string, limit: string, setBy?: 'product'): { problem: Problem } => ({
    problem: { code: 'optionValue', rule: 'options', field, value, limit, ...(setBy ? { setBy } : {}) },
});

/** A whole number within limits; `field` names the API property (or the setting); `setBy` whose limits they are. */
export function parseWholeNumber(field: string, text: string, min: number, max: number, setBy: 'AKS' | 'product' = 'AKS'): Parsed<number> {
    const value = text.trim();
    return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
        ? { value: Number(value) }
        : problem(field, value, `${min}–${max}`, setBy === 'product' ? 'product' : undefined);
}

/** The zones a size offers the subscription in a region: Azure's list less the zones restricted to it. */
function offeredZones(size: VmSizeFacts): string[] {
    return size.zones.filter((z) => !size.restrictedZones.includes(z)).sort();
}

/** Zones as `1 2 3` or `1,2`, each once and each one the size offers in the region (from Azure's SKU list). */
export function parseZones(text: string, offered: readonly string[]): Parsed<string[]> {
    const zones = text.split(/[\s,]+/).filter(Boolean);
    const twice = zones.find((z, i) => zones.indexOf(z) !== i);
    if (twice !== undefined) {
        return problem('availabilityZones', text.trim(), offered.length ? `${offered.join(', ')}, each once` : '—');
    }
    const wrong = zones.find((z) => !offered.includes(z));
    if (wrong !== undefined || zones.length === 0) {
        return problem('availabilityZones', wrong ?? text.trim(), offered.length ? offered.join(', ') : '—');
    }
    return { value: zones.sort() };
}

// Kubernetes: a name segment of at most 63 characters, alphanumerics with -, _ and . inside; an optional DNS
// subdomain prefix (at most 253) before a slash. Values: at most 63 characters of the same kind, or empty.
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export function isLabelKey(key: string): boolean {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    return LABEL_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
}

/** Node labels as `key=value, key2=value2`: each pair's form, then its key, then its value, each with its own rule. */
export function parseLabels(text: string): Parsed<Record<string, string>> {
    const labels: Record<string, string> = {};
    for (const pair of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = pair.indexOf('=');
        if (at <= 0) {
            return problem('nodeLabels', pair, 'key=value');
        }
        const key = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (!isLabelKey(key)) {
            return { problem: { code: 'labelKey', rule: 'options', of: 'label', key } };
        }
        if (!LABEL_VALUE.test(value)) {
            return { problem: { code: 'labelValue', rule: 'options', of: 'label', key, value } };
        }
        if (key in labels) {
            return { problem: { code: 'labelKeyTwice', rule: 'options', key } };
        }
        labels[key] = value;
    }
    return { value: labels };
}

/** Node taints as `key=value:Effect`, separated by commas (the form `az aks nodepool add --node-taints` takes). */
export function parseTaints(text: string): Parsed<string[]> {
    const taints: string[] = [];
    for (const taint of text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)) {
        const match = /^([^=:\s]+)(?:=([^:\s]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(taint);
        if (!match) {
            return problem('nodeTaints', taint, 'key=value:NoSchedule|PreferNoSchedule|NoExecute');
        }
        if (!isLabelKey(match[1])) {
            return { problem: { code: 'labelKey', rule: 'options', of: 'taint', key: match[1] } };
        }
        if (!LABEL_VALUE.test(match[2] ?? '')) {
            return { problem: { code: 'labelValue', rule: 'options', of: 'taint', key: match[1], value: match[2] ?? '' } };
        }
        taints.push(taint);
    }
    return { value: taints };
}

/**
 * The autoscaler's range as `min-max` (or `min..max`); a System pool keeps at least one node; the node count already
 * chosen, when given, must lie within it (checked as typed, not at Done).
 */
export function parseAutoscale(text: string, mode: 'System' | 'User', count?: number): Parsed<{ min: number; max: number }> {
    const match = /^\s*(\d+)\s*(?:-|\.\.|–)\s*(\d+)\s*$/.exec(text);
    const low = mode === 'System' ? 1 : 0;
    if (!match || Number(match[1]) < low || Number(match[2]) > 1000 || Number(match[1]) > Number(match[2]) || Number(match[2]) < 1) {
        return problem('minCount–maxCount', text.trim(), `${low}–1000, min ≤ max`);
    }
    const range = { min: Number(match[1]), max: Number(match[2]) };
    if (count !== undefined && (count < range.min || count > range.max)) {
        return {
            problem: { code: 'optionConflict', rule: 'options', field: 'count', value: String(count), reason: 'countOutsideAutoscale' },
        };
    }
    return { value: range };
}

/** Max unavailable during an upgrade: a node count (0 or more) or a percentage 0%–100%. */
export function parseMaxUnavailable(text: string): Parsed<string> {
    const value = text.trim();
    const match = /^(\d+)(%?)$/.exec(value);
    return match && (match[2] !== '%' || Number(match[1]) <= 100) ? { value } : problem('maxUnavailable', value, '0–n, 0%–100%');
}

/** A Spot pool's maximum price: -1 (up to the on-demand price) or a positive price with at most 5 decimals. */
export function parseSpotMaxPrice(text: string): Parsed<number> {
    const value = text.trim();
    return value === '-1' || (/^\d+(\.\d{1,5})?$/.test(value) && Number(value) > 0)
        ? { value: Number(value) }
        : problem('spotMaxPrice', value, '-1, > 0');
}

/** An OpenSSH public key line (`ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-*` followed by base64). */
export function parseSshPublicKey(text: string): Parsed<string> {
    const value = text.trim();
    return /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( .*)?$/.test(value)
        ? { value }
        : problem('linuxProfile.ssh.publicKeys', value.slice(0, 40), 'ssh-rsa|ssh-ed25519|ecdsa-sha2-* AAAA…');
}

/** Problems across options: those of one option alone are caught as it is typed. */
export function poolOptionsProblems(options: PoolOptions, mode: 'System' | 'User', count: number, size?: VmSizeFacts): Problem[] {
    const problems: Problem[] = [];
    if (options.osDiskType === 'Ephemeral' && size && !size.ephemeralOsDisk) {
        problems.push({
            code: 'optionConflict',
            rule: 'options',
            field: 'osDiskType',
            value: `Ephemeral (${size.name})`,
            reason: 'ephemeralNotSupported',
        });
    }
    if (options.spot && mode === 'System') {
        problems.push({ code: 'optionConflict', rule: 'options', field: 'scaleSetPriority', value: 'Spot', reason: 'systemSpot' });
    }
    if (options.autoscale && (count < options.autoscale.min || count > options.autoscale.max)) {
        problems.push({ code: 'optionConflict', rule: 'options', field: 'count', value: String(count), reason: 'countOutsideAutoscale' });
    }
    return problems;
}

/**
 * Max surge: a node count or a percentage up to 100%, from 1 (1%); an upgrade may take 0 (`min` 0), no surge node,
 * for a subscription without quota for one, when max unavailable is at least 1 (`surgeProblems`).
 */
export function parseMaxSurge(text: string, min: 0 | 1 = 1): Parsed<string> {
    const value = text.trim();
    const match = /^(\d+)(%?)$/.exec(value);
    return match && Number(match[1]) >= min && (match[2] !== '%' || Number(match[1]) <= 100)
        ? { value }
        : problem('upgradeSettings.maxSurge', value, `${min}–n, ${min}%–100%`);
}

/**
 * A surge-less upgrade drains nodes in place, so it needs max unavailable of at least 1 node (or 1%): the REST spec
 * (2026-04-01, `AgentPoolUpgradeSettings`) defaults max unavailable to 0, and AKS's page "Upgrade an AKS cluster"
 * documents `--max-surge 0` only with `--max-unavailable` of 1 or more.
 */
export function surgeProblems(maxSurge: string | undefined, maxUnavailable: string | undefined): Problem[] {
    const atLeastOne = (value: string | undefined): boolean => Number(/^(\d+)%?$/.exec(value?.trim() ?? '')?.[1] ?? 0) >= 1;
    return /^0+%?$/.test(maxSurge?.trim() ?? '') && !atLeastOne(maxUnavailable)
        ? [
              {
                  code: 'optionConflict',
                  rule: 'options',
                  field: 'upgradeSettings.maxSurge',
                  value: (maxSurge ?? '').trim(),
                  reason: 'surgeNeedsUnavailable',
              },
          ]
        : [];
}

/** Problems across a new cluster's options: AKS's rule that the node-image auto-upgrade channel needs the NodeImage node OS channel. */
export function clusterOptionsProblems(channels: UpgradeChannels): Problem[] {
    return channels.upgradeChannel === 'node-image' && channels.nodeOsUpgradeChannel !== 'NodeImage'
        ? [
              {
                  code: 'optionConflict',
                  rule: 'options',
                  field: 'autoUpgradeProfile.upgradeChannel',
                  value: 'node-image',
                  reason: 'nodeImageChannel',
              },
          ]
        : [];
}

/** What an option's check may need to know of the pool: its mode, its node count, and the zones its size offers. */
export interface PoolFacts {
    readonly mode: 'System' | 'User';
    readonly count?: number;
    /** The zones the chosen size offers in the region, from Azure's SKU list (all three when it could not be read). */
    readonly zones: readonly string[];
}

/**
 * How an option is asked: typed in a box and checked as typed against what is known of the resource (`facts`),
 * chosen from a list, or by questions of its own that its flow holds (Spot, the SSH key, the network plugin).
 */
export type Asked<F, T> =
    | { readonly kind: 'typed'; parse(text: string, facts: F): Parsed<T> }
    | { readonly kind: 'picked'; readonly choices: readonly T[] }
    | { readonly kind: 'own' };

/**
 * One option of a new pool, declared once: how it is asked, how its value reads, what it puts in AKS's agent pool
 * properties and which flags of `az aks nodepool add` say the same. Its words (label, question, summary line) are
 * in src/messages/optionWords.ts under its id.
 */
export interface PoolOptionDescriptor<T = unknown> {
    /** Its key in `PoolOptions`, and the name its words go by. */
    readonly id: string;
    readonly asked: Asked<PoolFacts, T>;
    /** The value as the person reads it in the list (and, unless its words say otherwise, the summary). */
    show(value: T): string;
    /** Its part of the agent pool's properties (AKS REST API, `ManagedClusterAgentPoolProfileProperties`). */
    body(value: T): Record<string, unknown>;
    /** Its flags of `az aks nodepool add`. */
    az(value: T): string[];
}

const pairs = (record: Readonly<Record<string, string>>): string[] => Object.entries(record).map(([k, v]) => `${k}=${v}`);
const asTags = (parsed: { tags: Record<string, string> } | { problem: Problem }): Parsed<Record<string, string>> =>
    'problem' in parsed ? parsed : { value: parsed.tags };
/** Zones and tags are asked, checked and read alike for a pool and a cluster; only where they go differs. */
const ZONES_ASKED: Asked<{ readonly zones: readonly string[] }, readonly string[]> = {
    kind: 'typed',
    parse: (text, resource) => parseZones(text, resource.zones),
};
const TAGS_ASKED: Asked<unknown, Readonly<Record<string, string>>> = { kind: 'typed', parse: (text) => asTags(parseTags(text)) };
// A tag name starting with "-" is refused before (`tagNameProblems`), so no pair reads as an option.
const tagFlags = (tags: Readonly<Record<string, string>>): string[] => (Object.keys(tags).length ? ['--tags', ...pairs(tags)] : []);

/** Every option of Add Node Pool's "Advanced options…", in the order they are offered. */
export const POOL_OPTIONS: PoolOptionDescriptor[] = [
    option<readonly string[]>({
        id: 'zones',
        asked: ZONES_ASKED,
        show: (zones) => zones.join(' '),
        body: (zones) => ({ availabilityZones: [...zones] }),
        az: (zones) => ['--zones', ...zones],
    }),
    option<Readonly<Record<string, string>>>({
        id: 'labels',
        asked: { kind: 'typed', parse: (text) => parseLabels(text) },
        show: (labels) => pairs(labels).join(', '),
        body: (labels) => ({ nodeLabels: { ...labels } }),
        az: (labels) => ['--labels', ...pairs(labels)],
    }),
    option<readonly string[]>({
        id: 'taints',
        asked: { kind: 'typed', parse: (text) => parseTaints(text) },
        show: (taints) => taints.join(', '),
        body: (taints) => ({ nodeTaints: [...taints] }),
        az: (taints) => ['--node-taints', taints.join(',')],
    }),
    option<{ readonly min: number; readonly max: number }>({
        id: 'autoscale',
        asked: { kind: 'typed', parse: (text, pool) => parseAutoscale(text, pool.mode, pool.count) },
        show: (range) => `${range.min}-${range.max}`,
        body: (range) => ({ enableAutoScaling: true, minCount: range.min, maxCount: range.max }),
        az: (range) => ['--enable-cluster-autoscaler', '--min-count', String(range.min), '--max-count', String(range.max)],
    }),
    option<number>({
        id: 'maxPods',
        asked: { kind: 'typed', parse: (text) => parseWholeNumber('maxPods', text, 10, 250) },
        show: String,
        body: (maxPods) => ({ maxPods }),
        az: (maxPods) => ['--max-pods', String(maxPods)],
    }),
    option<string>({
        id: 'maxSurge',
        asked: { kind: 'typed', parse: (text) => parseMaxSurge(text) },
        show: String,
        body: (maxSurge) => ({ upgradeSettings: { maxSurge } }),
        az: (maxSurge) => ['--max-surge', maxSurge],
    }),
    option<number>({
        id: 'osDiskSizeGB',
        asked: { kind: 'typed', parse: (text) => parseWholeNumber('osDiskSizeGB', text, 30, 2048) },
        show: String,
        body: (osDiskSizeGB) => ({ osDiskSizeGB }),
        az: (size) => ['--node-osdisk-size', String(size)],
    }),
    option<'Managed' | 'Ephemeral'>({
        id: 'osDiskType',
        asked: { kind: 'picked', choices: ['Managed', 'Ephemeral'] },
        show: String,
        body: (osDiskType) => ({ osDiskType }),
        az: (type) => ['--node-osdisk-type', type],
    }),
    option<Readonly<Record<string, string>>>({
        id: 'tags',
        asked: TAGS_ASKED,
        show: (tags) => pairs(tags).join(', '),
        body: (tags) => ({ tags: { ...tags } }),
        az: tagFlags,
    }),
    option<NonNullable<PoolOptions['spot']>>({
        id: 'spot',
        asked: { kind: 'own' },
        show: (spot) => `${spot.evictionPolicy} ${spot.maxPrice}`,
        body: (spot) => ({ scaleSetPriority: 'Spot', scaleSetEvictionPolicy: spot.evictionPolicy, spotMaxPrice: spot.maxPrice }),
        az: (spot) => ['--priority', 'Spot', '--eviction-policy', spot.evictionPolicy, ...flag('--spot-max-price', String(spot.maxPrice))],
    }),
];

/** A descriptor of a value of its own type, kept in the list of every option. */
export function option<T>(descriptor: PoolOptionDescriptor<T>): PoolOptionDescriptor {
    return descriptor as PoolOptionDescriptor;
}

/** The options set, each with its descriptor, in the order they are offered. */
export function setPoolOptions(options: PoolOptions): { descriptor: PoolOptionDescriptor; value: unknown }[] {
    return POOL_OPTIONS.filter((d) => options[d.id] !== undefined).map((descriptor) => ({ descriptor, value: options[descriptor.id] }));
}

/** What the options set put in the agent pool's properties. */
export function poolOptionsBody(options: PoolOptions): Record<string, unknown> {
    return Object.assign({}, ...setPoolOptions(options).map(({ descriptor, value }) => descriptor.body(value))) as Record<string, unknown>;
}

/** `az aks nodepool add`'s flags for the options set. */
export function poolOptionArguments(options: PoolOptions): string[] {
    return setPoolOptions(options).flatMap(({ descriptor, value }) => descriptor.az(value));
}

/** What a new cluster's options may need to know: the zones its system pool's size offers, the SSH key's file. */
export interface ClusterFacts {
    readonly zones: readonly string[];
    /** The file the SSH public key was read from, written in the az line instead of the key. */
    readonly sshKeyFile?: string;
}

/** Where a cluster option goes in the request: the resource itself, its properties, or its system pool. */
export interface ClusterBody {
    readonly resource?: Record<string, unknown>;
    readonly properties?: Record<string, unknown>;
    readonly systemPool?: Record<string, unknown>;
}

/**
 * One option of a new cluster, declared once, as a pool's are; it reads and writes its own fields of
 * `ClusterOptions` (the network plugin is two), and may have flags for when it is not set (`--no-ssh-key`).
 */
export interface ClusterOptionDescriptor<T = unknown> {
    readonly id: string;
    get(options: ClusterOptions): T | undefined;
    with(options: ClusterOptions, value: T | undefined): ClusterOptions;
    readonly asked: Asked<ClusterFacts, T>;
    show(value: T): string;
    body(value: T): ClusterBody;
    /** Its flags of `az aks create` (the SSH key by its file when it came from one). */
    az(value: T, cluster: { readonly sshKeyFile?: string }): string[];
    /** Its flags when it is not set. */
    readonly azUnset?: readonly string[];
}

/** A cluster descriptor of a value of its own type, kept in the list of every option. */
function clusterOption<T>(descriptor: ClusterOptionDescriptor<T>): ClusterOptionDescriptor {
    return descriptor as ClusterOptionDescriptor;
}

/** A cluster option kept in the field of its id. */
function clusterField<K extends 'sshPublicKey' | 'tier' | 'zones' | 'tags'>(
    id: K,
    rest: Omit<ClusterOptionDescriptor<NonNullable<ClusterOptions[K]>>, 'id' | 'get' | 'with'>,
): ClusterOptionDescriptor {
    return clusterOption<NonNullable<ClusterOptions[K]>>({
        id,
        get: (options) => options[id] as NonNullable<ClusterOptions[K]> | undefined,
        with: (options, value) => ({ ...options, [id]: value }),
        ...rest,
    });
}

export type NetworkChoice = { readonly plugin: 'azure' | 'kubenet' | 'none'; readonly mode?: 'overlay' };

/** Every option of Create Cluster's "Advanced options…" after the channels, in the order they are offered. */
export const CLUSTER_OPTIONS: ClusterOptionDescriptor[] = [
    clusterField('sshPublicKey', {
        asked: { kind: 'own' },
        show: (key) => `${key.split(' ')[0]} …${key.split(' ')[1]?.slice(-12) ?? ''}`,
        body: (key) => ({ properties: { linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: key }] } } } }),
        az: (key, cluster) => flag('--ssh-key-value', cluster.sshKeyFile ?? key),
        azUnset: ['--no-ssh-key'],
    }),
    clusterOption<NetworkChoice>({
        id: 'network',
        get: (o) =>
            o.networkPlugin ? { plugin: o.networkPlugin, ...(o.networkPluginMode ? { mode: o.networkPluginMode } : {}) } : undefined,
        with: (o, network) => ({ ...o, networkPlugin: network?.plugin, networkPluginMode: network?.mode }),
        asked: { kind: 'own' },
        show: (network) => `${network.plugin}${network.mode ? ` (${network.mode})` : ''}`,
        body: (network) => ({
            properties: { networkProfile: { networkPlugin: network.plugin, ...(network.mode ? { networkPluginMode: network.mode } : {}) } },
        }),
        az: (network) => ['--network-plugin', network.plugin, ...(network.mode ? ['--network-plugin-mode', network.mode] : [])],
    }),
    clusterField('tier', {
        asked: { kind: 'picked', choices: ['Free', 'Standard', 'Premium'] },
        show: String,
        body: (tier) => ({ resource: { sku: { name: 'Base', tier } } }),
        az: (tier) => ['--tier', tier.toLowerCase()],
    }),
    clusterField('zones', {
        asked: ZONES_ASKED,
        show: (zones) => zones.join(' '),
        body: (zones) => ({ systemPool: { availabilityZones: [...zones] } }),
        az: (zones) => ['--zones', ...zones],
    }),
    clusterField('tags', {
        asked: TAGS_ASKED,
        show: (tags) => pairs(tags).join(', '),
        body: (tags) => ({ resource: { tags: { ...tags } } }),
        az: tagFlags,
    }),
];

/** The cluster options set, each with its descriptor, in the order they are offered. */
export function setClusterOptions(options: ClusterOptions): { descriptor: ClusterOptionDescriptor; value: unknown }[] {
    return CLUSTER_OPTIONS.map((descriptor) => ({ descriptor, value: descriptor.get(options) })).filter(({ value }) => value !== undefined);
}

/** What the cluster options set put in the request: on the resource, in its properties, on its system pool. */
export function clusterOptionsBody(options: ClusterOptions): Required<ClusterBody> {
    const parts = setClusterOptions(options).map(({ descriptor, value }) => descriptor.body(value));
    return {
        resource: Object.assign({}, ...parts.map((p) => p.resource ?? {})) as Record<string, unknown>,
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, unknown>,
        systemPool: Object.assign({}, ...parts.map((p) => p.systemPool ?? {})) as Record<string, unknown>,
    };
}

/** `az aks create`'s flags for the cluster options, set or not. */
export function clusterOptionArguments(options: ClusterOptions, cluster: { readonly sshKeyFile?: string }): string[] {
    return CLUSTER_OPTIONS.flatMap((descriptor) => {
        const value = descriptor.get(options);
        return value === undefined ? [...(descriptor.azUnset ?? [])] : descriptor.az(value, cluster);
    });
}

/**
 * One setting of a Kubernetes upgrade (`AgentPoolUpgradeSettings`), declared once: its id is its key there (the
 * request sends every one set under `upgradeSettings`), how it is asked, how it reads and its flags of
 * `az aks nodepool upgrade`. Its words are in src/messages/optionWords.ts (`upgradeSettingWords`).
 */
export interface UpgradeSettingDescriptor<T = unknown> {
    readonly id: keyof UpgradeSettings & string;
    readonly asked: Asked<unknown, T>;
    show(value: T): string;
    az(value: T): string[];
}

function upgradeSetting<T>(descriptor: UpgradeSettingDescriptor<T>): UpgradeSettingDescriptor {
    return descriptor as UpgradeSettingDescriptor;
}

/** Every upgrade setting, in the order they are offered (max surge is asked apart by Upgrade to Snapshot). */
export const UPGRADE_SETTINGS: UpgradeSettingDescriptor[] = [
    upgradeSetting<string>({
        id: 'maxSurge',
        // An upgrade may take 0 (no surge node) when max unavailable is at least 1 (`surgeProblems`).
        asked: { kind: 'typed', parse: (text) => parseMaxSurge(text, 0) },
        show: String,
        az: (maxSurge) => ['--max-surge', maxSurge],
    }),
    upgradeSetting<string>({
        id: 'maxUnavailable',
        asked: { kind: 'typed', parse: (text) => parseMaxUnavailable(text) },
        show: String,
        az: (maxUnavailable) => ['--max-unavailable', maxUnavailable],
    }),
    upgradeSetting<number>({
        id: 'drainTimeoutInMinutes',
        asked: { kind: 'typed', parse: (text) => parseWholeNumber('upgradeSettings.drainTimeoutInMinutes', text, 1, 1440) },
        show: String,
        az: (minutes) => ['--drain-timeout', String(minutes)],
    }),
    upgradeSetting<number>({
        id: 'nodeSoakDurationInMinutes',
        asked: { kind: 'typed', parse: (text) => parseWholeNumber('upgradeSettings.nodeSoakDurationInMinutes', text, 0, 30) },
        show: String,
        az: (minutes) => ['--node-soak-duration', String(minutes)],
    }),
    upgradeSetting<'Cordon' | 'Schedule'>({
        id: 'undrainableNodeBehavior',
        asked: { kind: 'picked', choices: ['Cordon', 'Schedule'] },
        show: String,
        az: (behavior) => ['--undrainable-node-behavior', behavior],
    }),
];

/** The upgrade settings set, each with its descriptor, in the order they are offered. */
export function setUpgradeSettings(settings: UpgradeSettings): { descriptor: UpgradeSettingDescriptor; value: unknown }[] {
    return UPGRADE_SETTINGS.filter((d) => settings[d.id] !== undefined && settings[d.id] !== '').map((descriptor) => ({
        descriptor,
        value: settings[descriptor.id],
    }));
}

/** `az aks nodepool upgrade`'s flags for the upgrade settings set. */
export function upgradeSettingArguments(settings: UpgradeSettings): string[] {
    return setUpgradeSettings(settings).flatMap(({ descriptor, value }) => descriptor.az(value));
}

/** The options a new cluster is sent with: on long-term support its tier is Premium, whatever was chosen (AKS requires it). */
export function clusterOptionsSent(options: ClusterOptions | undefined, longTermSupport: boolean | undefined): ClusterOptions {
    return longTermSupport ? { ...options, tier: 'Premium' } : (options ?? {});
}

/** The zones a size offers in a region, from Azure's SKU list; all three, said so, when the list or the size is not known. */
export function zonesOffered(
    sizes: readonly VmSizeFacts[] | undefined,
    vmSize: string | undefined,
): { zones: string[]; fromAzure: boolean } {
    const size = sizes && vmSize ? findVmSize(sizes, vmSize) : undefined;
    return size ? { zones: offeredZones(size), fromAzure: true } : { zones: ['1', '2', '3'], fromAzure: false };
}
