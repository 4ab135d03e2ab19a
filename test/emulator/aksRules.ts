import { aksError, armError } from './http';
import { VM_SIZES } from './vmSizes';
import { supportedKubernetesVersions } from './seeds';
import type { Json } from './http';

/** The rules the AKS service itself enforces on writes, in one place: names, states, versions. */

export const TERMINAL_STATES = ['succeeded', 'failed', 'canceled'];

const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const SNAPSHOT_NAME = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const CLUSTER_NAME = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const DNS_PREFIX = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/;
const RESOURCE_GROUP_NAME = /^[-\w._()]{0,89}[-\w_()]$/u;

/**
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), agent pool name pattern `^[a-z][a-z0-9]{0,11}$`; Windows
 * pools at most 6 characters: AKS docs, "Windows Server node pools FAQ" (learn.microsoft.com/azure/aks/windows-faq).
 */
export function assertPoolName(name: string, osType: string): void {
    const maxLength = osType === 'Windows' ? 6 : 12;
    if (!POOL_NAME.test(name) || name.length > maxLength) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.name '${name}' is invalid. A ${osType} agent pool name must start with a lowercase letter and have at most ${maxLength} lowercase letters and digits.`,
            'agentPoolProfile.name',
        );
    }
}

/**
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `resourceName` pattern
 * `^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`.
 */
export function assertSnapshotName(name: string): void {
    if (!SNAPSHOT_NAME.test(name)) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter snapshotName '${name}' is invalid. It must be 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit.`,
            'snapshotName',
        );
    }
}

/** Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `resourceName` pattern (as for snapshots). */
export function assertClusterName(name: string): void {
    if (!CLUSTER_NAME.test(name)) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter resourceName '${name}' is invalid. It must be 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit.`,
            'resourceName',
        );
    }
}

/**
 * Source: Azure CLI's `--dns-name-prefix` rule (1–54 letters, digits and hyphens, starting and ending alphanumeric), code
 * `InvalidDNSPrefix` as AKS answers it.
 */
export function assertDnsPrefix(dnsPrefix: string): void {
    if (!DNS_PREFIX.test(dnsPrefix)) {
        throw aksError(
            400,
            'InvalidDNSPrefix',
            `DNS prefix '${dnsPrefix}' is invalid. It must be 1-54 letters, digits and '-', starting and ending with a letter or digit.`,
            'properties.dnsPrefix',
        );
    }
}

/**
 * ARM's own rule for resource group names (1–90 of letters, digits, `-_.()`, not ending in a period).
 * Source: Azure docs, "Naming rules and restrictions for Azure resources" (Microsoft.Resources/resourcegroups).
 */
export function isResourceGroupName(name: string): boolean {
    return RESOURCE_GROUP_NAME.test(name);
}

/**
 * R10: AKS answers 409 to any write while an operation runs; an unknown state is not terminal.
 * Source: AKS troubleshooting, "OperationNotAllowed / another operation is in progress"
 * (learn.microsoft.com/troubleshoot/azure/azure-kubernetes).
 */
export function assertTerminal(state: unknown, what: string): void {
    if (!TERMINAL_STATES.includes(String(state ?? 'Succeeded').toLowerCase())) {
        throw aksError(
            409,
            'OperationNotAllowed',
            `Operation is not allowed because there's an in progress operation on ${what}, whose provisioning state is ${String(state)}. Please wait for it to finish before starting a new operation.`,
        );
    }
}

/**
 * A stopped cluster or pool takes only start or delete (AKS docs, "Stop and start an Azure Kubernetes Service
 * cluster" and "Start and stop a node pool": while stopped, it cannot be upgraded or scaled, and no pool can be added).
 * The message follows the form AKS gives for an operation refused in this state (MicrosoftDocs/azure-docs#85161).
 */
export function assertRunning(powerState: unknown, what: string): void {
    if (String((powerState as Json | undefined)?.code ?? 'Running').toLowerCase() === 'stopped') {
        throw aksError(
            409,
            'OperationNotAllowed',
            `${what} is in Provisioning State(Succeeded) and Power State(Stopped): only start and delete can be performed. Start it first.`,
        );
    }
}

/**
 * The patches a region offers. A minor whose only support plan is `AKSLongTermSupport` is offered only to a cluster on
 * long-term support. Sources: REST spec 2026-04-01 (`KubernetesVersionCapabilities.supportPlan`,
 * `KubernetesSupportPlan`); AKS page "Long-term support for Azure Kubernetes Service (AKS) versions".
 */
export function supportedPatches(location: string, longTermSupport = false): string[] {
    return (supportedKubernetesVersions(location).values as Json[])
        .filter(
            (v) =>
                longTermSupport ||
                (((v.capabilities as Json | undefined)?.supportPlan as string[] | undefined) ?? []).includes('KubernetesOfficial'),
        )
        .flatMap((v) => Object.keys(v.patchVersions as Json));
}

/** A cluster on AKS's long-term support (`supportPlan`, REST spec 2026-04-01). */
export function isLongTermSupport(clusterProperties: Json): boolean {
    return clusterProperties.supportPlan === 'AKSLongTermSupport';
}

/**
 * R4: a version (or a bare minor, as the CLI sends) must be supported in the region (for the cluster's support plan).
 * Source: AKS docs, "Supported Kubernetes versions in AKS"; the message is the one AKS answers (`K8sVersionNotSupported`).
 */
export function assertSupported(version: string, location: string, longTermSupport = false): void {
    const supported = supportedPatches(location, longTermSupport);
    const minorOnly = /^\d+\.\d+$/.test(version);
    if (!supported.some((v) => v === version || (minorOnly && v.startsWith(`${version}.`)))) {
        throw aksError(
            400,
            'K8sVersionNotSupported',
            `Version ${version} is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region.`,
            'kubernetesVersion',
        );
    }
}

/**
 * Long-term support needs the Premium tier. Source: AKS page "Long-term support for Azure Kubernetes Service (AKS)
 * versions" (`az aks create --tier premium --k8s-support-plan AKSLongTermSupport`; LTS is a Premium tier feature).
 */
export function assertSupportPlan(supportPlan: unknown, tier: unknown): void {
    if (supportPlan !== undefined && !['KubernetesOfficial', 'AKSLongTermSupport'].includes(String(supportPlan))) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter supportPlan '${String(supportPlan)}' is invalid: KubernetesOfficial or AKSLongTermSupport.`,
            'supportPlan',
        );
    }
    if (supportPlan === 'AKSLongTermSupport' && tier !== 'Premium') {
        throw aksError(
            400,
            'InvalidParameter',
            'Long-term support (supportPlan AKSLongTermSupport) is available only on the Premium tier; set sku.tier to Premium.',
            'sku.tier',
        );
    }
}

/**
 * R12 as the AKS page states it: a pool is upgraded to a snapshot only while the snapshot's node image is within 90
 * days of its publish date, counted on ARM's clock. Source: AKS page "Use node pool snapshots"
 * (learn.microsoft.com/azure/aks/node-pool-snapshot), current English text. The message is the emulator's.
 */
export function assertImageWithin90Days(nodeImageVersion: string, now: Date): void {
    const published = imagePublished(nodeImageVersion);
    const days = published ? Math.floor((now.getTime() - published.getTime()) / 86_400_000) : undefined;
    if (days === undefined || days > 90) {
        throw aksError(
            400,
            'InvalidParameter',
            `The snapshot's node image ${nodeImageVersion} ${days === undefined ? 'has no publish date AKS can read' : `was published ${days} days ago`}: a node pool can be upgraded to a snapshot only within 90 days of its node image's publish date.`,
            'creationData.sourceResourceId',
        );
    }
}

/** A node image's publish date from its name: `…-yyyymm.dd.n`, `…-yyyy.mm.dd`, Windows `…-build.rev.yymmdd`. */
function imagePublished(image: string): Date | undefined {
    const forms: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
        [/-(\d{4})(\d{2})\.(\d{2})\.\d+$/, (m) => [+m[1], +m[2], +m[3]]],
        [/-(\d{4})\.(\d{2})\.(\d{2})$/, (m) => [+m[1], +m[2], +m[3]]],
        [/^AKSWindows-.*-\d+\.\d+\.(\d{2})(\d{2})(\d{2})$/, (m) => [2000 + +m[1], +m[2], +m[3]]],
    ];
    for (const [pattern, parts] of forms) {
        const match = pattern.exec(image);
        if (match) {
            const [y, mo, d] = parts(match);
            return new Date(Date.UTC(y, mo - 1, d));
        }
    }
    return undefined;
}

/**
 * Windows node pools need Azure CNI. Source: Azure Policy built-in 46238e2f-3f6f-4589-9f3f-77bed4116e67 ("Azure
 * Kubernetes Clusters should use Azure CNI": "a prerequisite for ... Windows node pools"). The message is the emulator's.
 */
export function assertWindowsNetwork(osType: string, networkProfile: unknown): void {
    const plugin = (networkProfile as Json | undefined)?.networkPlugin;
    if (osType === 'Windows' && plugin !== undefined && plugin !== 'azure') {
        throw aksError(
            400,
            'InvalidParameter',
            `Windows node pools need the azure network plugin (Azure CNI); this cluster uses '${String(plugin)}'.`,
            'osType',
        );
    }
}

/**
 * R5 as AKS enforces it: no downgrade (409), no skipped minor (400).
 * Source: AKS docs, "Upgrade an AKS cluster" (no minor version skipped; no downgrade).
 */
export function assertUpgradePath(from: string, to: string, what: string): void {
    const [a, b] = [from, to].map((v) => v.split('.').map(Number));
    const cmp = a[0] - b[0] || a[1] - b[1] || (a[2] ?? 0) - (b[2] ?? 0);
    if (cmp > 0) {
        throw aksError(409, 'OperationNotAllowed', `Downgrading the ${what} from ${from} to ${to} is not allowed.`, 'kubernetesVersion');
    }
    if (b[1] - a[1] > 1) {
        throw aksError(
            400,
            'AgentPoolUpgradeVersionNotAllowed',
            `Upgrading the ${what} from ${from} to ${to} skips a minor version, which is not allowed. Upgrade one minor version at a time.`,
            'orchestratorVersion',
        );
    }
}

export function isUpgrade(from: string, to: string): boolean {
    const [a, b] = [from, to].map((v) => v.split('.').map(Number));
    return (b[0] - a[0] || b[1] - a[1] || (b[2] ?? 0) - (a[2] ?? 0)) > 0;
}

/**
 * A pool's node count: System pools 1–1000, User pools 0–1000.
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `count`: "0 to 1000 (inclusive) for user pools and 1 to 1000
 * (inclusive) for system pools".
 */
export function assertCount(value: unknown, mode: string): number {
    const count = Number(value ?? 1);
    if (!Number.isInteger(count) || count < (mode === 'System' ? 1 : 0) || count > 1000) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.count '${String(value)}' is invalid: ${mode} pools take ${mode === 'System' ? 1 : 0} to 1000 nodes.`,
            'agentPoolProfile.count',
        );
    }
    return count;
}

const UPGRADE_CHANNELS = ['rapid', 'stable', 'patch', 'node-image', 'none'];
const NODE_OS_UPGRADE_CHANNELS = ['None', 'Unmanaged', 'NodeImage', 'SecurityPatch'];

/**
 * The auto-upgrade channels AKS accepts, and its rule that the `node-image` channel needs the `NodeImage` node OS channel.
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), enums `UpgradeChannel` and `NodeOSUpgradeChannel`; AKS docs,
 * "Auto-upgrade node OS images" (the node-image channel goes with NodeImage).
 */
export function assertAutoUpgradeProfile(profile: Json): void {
    const { upgradeChannel, nodeOSUpgradeChannel } = profile;
    if (upgradeChannel !== undefined && !UPGRADE_CHANNELS.includes(String(upgradeChannel))) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter autoUpgradeProfile.upgradeChannel '${String(upgradeChannel)}' is invalid. Allowed values: ${UPGRADE_CHANNELS.join(', ')}.`,
            'autoUpgradeProfile.upgradeChannel',
        );
    }
    if (nodeOSUpgradeChannel !== undefined && !NODE_OS_UPGRADE_CHANNELS.includes(String(nodeOSUpgradeChannel))) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter autoUpgradeProfile.nodeOSUpgradeChannel '${String(nodeOSUpgradeChannel)}' is invalid. Allowed values: ${NODE_OS_UPGRADE_CHANNELS.join(', ')}.`,
            'autoUpgradeProfile.nodeOSUpgradeChannel',
        );
    }
    if (upgradeChannel === 'node-image' && nodeOSUpgradeChannel !== undefined && nodeOSUpgradeChannel !== 'NodeImage') {
        throw aksError(
            400,
            'InvalidParameter',
            `The node-image upgrade channel needs the NodeImage node OS upgrade channel, not '${String(nodeOSUpgradeChannel)}'.`,
            'autoUpgradeProfile.nodeOSUpgradeChannel',
        );
    }
}

/**
 * A cluster keeps at least one System pool.
 * Source: AKS docs, "Manage system node pools" (a cluster keeps at least one system pool).
 */
export function assertNotLastSystemPool(pools: readonly { name: string; properties: Json }[], name: string): void {
    const pool = pools.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (pool?.properties.mode === 'System' && pools.filter((p) => p.properties.mode === 'System').length === 1) {
        throw aksError(400, 'OperationNotAllowed', 'The last System node pool of a cluster cannot be deleted.');
    }
}

/** Source: AKS docs, "Manage system node pools". */
export function assertHasSystemPool(profiles: readonly Json[]): Json {
    const system = profiles.find((p) => p.mode === 'System');
    if (!system) {
        throw aksError(400, 'InvalidParameter', 'A cluster must have at least one System node pool.', 'agentPoolProfiles');
    }
    return system;
}

/**
 * R8 as AKS enforces it.
 * Source: AKS docs, "Manage system node pools" (system pools run Linux; Windows pools are user pools).
 */
export function assertSystemPoolLinux(mode: string, osType: string): void {
    if (mode === 'System' && osType !== 'Linux') {
        throw aksError(
            400,
            'InvalidParameter',
            'System node pool must be Linux. Windows agent pools can only be User pools.',
            'agentPoolProfile.mode',
        );
    }
}

/**
 * A pool's version never passes the control plane's.
 * Source: AKS docs, "Supported Kubernetes versions" (a pool's version is never newer than the control plane's).
 */
export function assertNotPastControlPlane(version: string, controlPlane: string, creating: boolean): void {
    if (isUpgrade(controlPlane, version)) {
        throw creating
            ? aksError(
                  400,
                  'InvalidParameter',
                  `Node pool version ${version} cannot be newer than the control plane version ${controlPlane}.`,
                  'agentPoolProfile.orchestratorVersion',
              )
            : aksError(
                  400,
                  'AgentPoolUpgradeVersionNotAllowed',
                  `Node pool version ${version} cannot be newer than the control plane version ${controlPlane}.`,
                  'orchestratorVersion',
              );
    }
}

/**
 * R6: a node-image-only upgrade takes a snapshot of the pool's own Kubernetes version.
 * Source: AKS docs, "Node pool snapshots" (a node image upgrade from a snapshot needs the same Kubernetes version).
 */
export function assertNodeImageSnapshot(snapshotVersion: string, poolVersion: string): void {
    if (snapshotVersion !== poolVersion) {
        throw aksError(
            400,
            'InvalidParameter',
            `A node image upgrade needs a snapshot of the pool's Kubernetes version ${poolVersion}; the snapshot has ${snapshotVersion}.`,
            'AKSSnapshotId',
        );
    }
}

/**
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `dnsPrefix`: "This cannot be updated once the Managed Cluster
 * has been created."
 */
export function assertDnsPrefixUnchanged(wanted: unknown, current: unknown): void {
    if (wanted !== undefined && wanted !== current) {
        throw aksError(400, 'BadRequest', "Changing property 'dnsPrefix' is not allowed.", 'properties.dnsPrefix');
    }
}

/**
 * R2, R10, R11: a snapshot is taken of a scale-set pool at rest, in the pool's own region.
 * Source: AKS docs, "Node pool snapshots" (same region; Virtual Machines pools take no snapshot) and the AKS changelog (2022-06-19:
 * Succeeded pools only).
 */
export function assertSnapshotSource(pool: { name: string; properties: Json }, poolLocation: string, location: string): void {
    if (pool.properties.type === 'VirtualMachines') {
        throw aksError(
            400,
            'InvalidParameter',
            'Snapshots are not supported for agent pools of type VirtualMachines.',
            'creationData.sourceResourceId',
        );
    }
    if (!TERMINAL_STATES.includes(String(pool.properties.provisioningState ?? 'Succeeded').toLowerCase())) {
        throw aksError(
            409,
            'OperationNotAllowed',
            `Operation is not allowed because agent pool '${pool.name}' is in ${String(pool.properties.provisioningState)} state.`,
        );
    }
    assertRunning(pool.properties.powerState, `agent pool '${pool.name}'`);
    // AKS release notes, 2022-06-19: snapshots are taken only of agent pools in Succeeded provisioning state.
    if (String(pool.properties.provisioningState ?? 'Succeeded').toLowerCase() !== 'succeeded') {
        throw aksError(
            400,
            'InvalidParameter',
            `A snapshot can only be taken of an agent pool in Succeeded provisioning state; agent pool '${pool.name}' is in ${String(pool.properties.provisioningState)} state.`,
            'creationData.sourceResourceId',
        );
    }
    if (poolLocation.toLowerCase() !== location.toLowerCase()) {
        throw aksError(
            400,
            'InvalidParameter',
            `A snapshot must be created in its source pool's region '${poolLocation}', not '${location}'.`,
            'location',
        );
    }
}

/**
 * ARM's tag rules: at most 50; names 1–512 characters without `<>%&\?/` or control characters; values at most 256.
 * Source: Azure docs, "Use tags to organize your Azure resources" (limits and characters).
 */
export function assertTags(tags: unknown): void {
    if (tags === undefined || tags === null) {
        return;
    }
    const entries = Object.entries(tags as Record<string, unknown>);
    if (entries.length > 50) {
        throw armError(400, 'InvalidTagsCount', `The number of tags ${entries.length} exceeds the limit of 50.`);
    }
    const seen = new Set<string>();
    for (const [name, value] of entries) {
        if (!name || /[<>%&\\?/\u0000-\u001f]/.test(name)) {
            throw armError(
                400,
                'InvalidTagNameCharacters',
                `The tag name '${name}' is empty or has reserved characters '<,>,%,&,\\,?,/' or control characters.`,
            );
        }
        if (name.length > 512) {
            throw armError(
                400,
                'InvalidTagNameLength',
                `The tag name '${name.slice(0, 20)}…' exceeds the maximum length of 512 characters.`,
            );
        }
        if (seen.has(name.toLowerCase())) {
            throw armError(400, 'InvalidTagName', `The tag name '${name}' is given twice (tag names are case-insensitive).`);
        }
        seen.add(name.toLowerCase());
        if (typeof value !== 'string' || value.length > 256 || /[\u0000-\u001f]/.test(value)) {
            throw armError(
                400,
                'InvalidTagValueLength',
                `The value of tag '${name}' must be a string of at most 256 characters without control characters.`,
            );
        }
    }
}

/**
 * AKS's rule for `upgradeSettings.maxSurge`: a whole number of nodes (1 or more) or a percentage from 1% to 100%.
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `AgentPoolUpgradeSettings.maxSurge` (an integer or a
 * percentage; `0` only with `maxUnavailable`, AKS docs "Upgrade an AKS cluster", surge-less upgrades).
 */
export function assertMaxSurge(maxSurge: unknown, maxUnavailable?: unknown): void {
    if (maxSurge === undefined || maxSurge === null || maxSurge === '') {
        return;
    }
    const match = /^(\d+)(%?)$/.exec(String(maxSurge));
    const number = match ? Number(match[1]) : NaN;
    if (!match || (match[2] === '%' && number > 100)) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.upgradeSettings.maxSurge '${String(maxSurge)}' is invalid: a number of nodes or a percentage from 1% to 100%.`,
            'agentPoolProfile.upgradeSettings.maxSurge',
        );
    }
    if (number === 0 && !(Number(/^(\d+)%?$/.exec(String(maxUnavailable ?? ''))?.[1] ?? 0) >= 1)) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.upgradeSettings.maxSurge '${String(maxSurge)}' is invalid: 0 only with maxUnavailable of at least 1, so that the upgrade can proceed.`,
            'agentPoolProfile.upgradeSettings.maxSurge',
        );
    }
}

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/**
 * The pool settings AKS checks on create: max pods, OS disk, Spot, the autoscaler's range, zones the size is
 * offered in (and not restricted to the subscription), labels and taints.
 * Sources: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json) (`osDiskSizeGB` 0–2048, enums `OSDiskType`,
 * `ScaleSetPriority`, `ScaleSetEvictionPolicy`); AKS docs "Configure Azure CNI" (max pods 10–250), "Spot node pools" (no Spot system pool,
 * max price -1 or up to 5 decimals), "Cluster autoscaler" (min/max), Kubernetes' label and taint syntax (kubernetes.io).
 */
export function assertPoolOptions(props: Json, mode: string, count: number, location: string): void {
    const invalid = (field: string, value: unknown, why: string) =>
        aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.${field} '${typeof value === 'object' ? JSON.stringify(value) : String(value)}' is invalid: ${why}.`,
            `agentPoolProfile.${field}`,
        );
    if (props.maxPods !== undefined && (!Number.isInteger(props.maxPods) || Number(props.maxPods) < 10 || Number(props.maxPods) > 250)) {
        throw invalid('maxPods', props.maxPods, 'a whole number from 10 to 250');
    }
    if (
        props.osDiskSizeGB !== undefined &&
        props.osDiskSizeGB !== 0 &&
        (!Number.isInteger(props.osDiskSizeGB) || Number(props.osDiskSizeGB) < 30 || Number(props.osDiskSizeGB) > 2048)
    ) {
        throw invalid('osDiskSizeGB', props.osDiskSizeGB, 'from 30 to 2048 GB');
    }
    const size = VM_SIZES.find((s) => s.name.toLowerCase() === String(props.vmSize ?? '').toLowerCase());
    if (props.osDiskType !== undefined && !['Managed', 'Ephemeral'].includes(String(props.osDiskType))) {
        throw invalid('osDiskType', props.osDiskType, 'Managed or Ephemeral');
    }
    if (props.osDiskType === 'Ephemeral' && size && !size.ephemeralOSDisk) {
        throw aksError(400, 'InvalidParameter', `VM size ${size.name} does not support ephemeral OS disks.`, 'agentPoolProfile.osDiskType');
    }
    if (props.scaleSetPriority === 'Spot') {
        if (mode === 'System') {
            throw aksError(400, 'InvalidParameter', 'A System node pool cannot be a Spot node pool.', 'agentPoolProfile.scaleSetPriority');
        }
        const price = props.spotMaxPrice;
        if (price !== undefined && price !== -1 && !(typeof price === 'number' && price > 0 && /^\d+(\.\d{1,5})?$/.test(String(price)))) {
            throw invalid('spotMaxPrice', price, '-1 or a price above 0 with at most 5 decimals');
        }
        if (props.scaleSetEvictionPolicy !== undefined && !['Delete', 'Deallocate'].includes(String(props.scaleSetEvictionPolicy))) {
            throw invalid('scaleSetEvictionPolicy', props.scaleSetEvictionPolicy, 'Delete or Deallocate');
        }
    } else if (props.scaleSetPriority !== undefined && props.scaleSetPriority !== 'Regular') {
        throw invalid('scaleSetPriority', props.scaleSetPriority, 'Regular or Spot');
    }
    // A Regular pool may carry the Spot settings' defaults (the Azure CLI sends Delete and -1): AKS ignores them.
    if (props.enableAutoScaling === true) {
        const min = Number(props.minCount);
        const max = Number(props.maxCount);
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < (mode === 'System' ? 1 : 0) || max > 1000 || min > max) {
            throw invalid(
                'minCount',
                `${String(props.minCount)}-${String(props.maxCount)}`,
                'minCount and maxCount from 0 (1 for System) to 1000, minCount not above maxCount',
            );
        }
        if (count < min || count > max) {
            throw aksError(
                400,
                'InvalidParameter',
                `The node count ${count} is not within the range of minCount ${min} and maxCount ${max}.`,
                'agentPoolProfile.count',
            );
        }
    }
    if (props.availabilityZones !== undefined) {
        const zones = props.availabilityZones as unknown[];
        const restricted = (size?.restrictions ?? [])
            .filter((r) => r.location === location.toLowerCase())
            .flatMap((r) => r.zones ?? ['1', '2', '3']);
        const wrong = Array.isArray(zones)
            ? zones.filter((z) => !['1', '2', '3'].includes(String(z)) || restricted.includes(String(z)))
            : [zones];
        if (!Array.isArray(zones) || wrong.length) {
            throw aksError(
                400,
                'AvailabilityZoneNotSupported',
                `The VM size of ${String(props.vmSize)} is not allowed in zones [${wrong.join(',')}] in region ${location} for this subscription.`,
                'agentPoolProfile.availabilityZones',
            );
        }
    }
    for (const [key, value] of Object.entries((props.nodeLabels ?? {}) as Json)) {
        if (!LABEL_KEY.test(key) || !LABEL_VALUE.test(String(value))) {
            throw invalid('nodeLabels', `${key}=${String(value)}`, 'a Kubernetes label');
        }
    }
    for (const taint of (props.nodeTaints ?? []) as unknown[]) {
        const match = /^([^=:\s]+)(?:=([^:\s]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(String(taint));
        if (!match || !LABEL_KEY.test(match[1]) || !LABEL_VALUE.test(match[2] ?? '')) {
            throw invalid('nodeTaints', taint, 'key=value:NoSchedule|PreferNoSchedule|NoExecute');
        }
    }
}

/**
 * `upgradeSettings` beyond max surge: max unavailable (nodes or 0%–100%), drain timeout 1–1440 min, node soak 0–30 min.
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), `AgentPoolUpgradeSettings`: `drainTimeoutInMinutes` minimum
 * 1, maximum 1440; `nodeSoakDurationInMinutes` minimum 0, maximum 30; `maxUnavailable` an integer or a percentage.
 */
export function assertUpgradeSettings(settings: Json | undefined): void {
    if (!settings) {
        return;
    }
    assertMaxSurge(settings.maxSurge, settings.maxUnavailable);
    const behavior = settings.undrainableNodeBehavior;
    // Source: the REST spec's enum `UndrainableNodeBehavior` (Cordon, Schedule); modelAsString, but AKS documents only these.
    if (behavior !== undefined && !['Cordon', 'Schedule'].includes(String(behavior))) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.upgradeSettings.undrainableNodeBehavior '${String(behavior)}' is invalid: Cordon or Schedule.`,
            'agentPoolProfile.upgradeSettings.undrainableNodeBehavior',
        );
    }
    const invalid = (field: string, value: unknown, why: string) =>
        aksError(
            400,
            'InvalidParameter',
            `The value of parameter agentPoolProfile.upgradeSettings.${field} '${String(value)}' is invalid: ${why}.`,
            `agentPoolProfile.upgradeSettings.${field}`,
        );
    const unavailable = settings.maxUnavailable;
    if (unavailable !== undefined && unavailable !== '') {
        const match = /^(\d+)(%?)$/.exec(String(unavailable));
        if (!match || (match[2] === '%' && Number(match[1]) > 100)) {
            throw invalid('maxUnavailable', unavailable, 'a number of nodes or a percentage from 0% to 100%');
        }
    }
    const drain = settings.drainTimeoutInMinutes;
    if (drain !== undefined && (!Number.isInteger(drain) || Number(drain) < 1 || Number(drain) > 1440)) {
        throw invalid('drainTimeoutInMinutes', drain, 'from 1 to 1440 minutes');
    }
    const soak = settings.nodeSoakDurationInMinutes;
    if (soak !== undefined && (!Number.isInteger(soak) || Number(soak) < 0 || Number(soak) > 30)) {
        throw invalid('nodeSoakDurationInMinutes', soak, 'from 0 to 30 minutes');
    }
}

/**
 * A new cluster's tier, network plugin and mode, and SSH key, as AKS checks them.
 * Source: Azure REST spec 2026-04-01 (shared/arm/spec, managedClusters.json), enums `ManagedClusterSKUTier`, `NetworkPlugin`,
 * `NetworkPluginMode` (overlay with azure only: AKS docs "Azure CNI Overlay").
 */
export function assertClusterOptions(input: Json): void {
    const props = (input.properties ?? {}) as Json;
    const tier = (input.sku as Json | undefined)?.tier;
    if (tier !== undefined && !['Free', 'Standard', 'Premium'].includes(String(tier))) {
        throw aksError(
            400,
            'InvalidParameter',
            `The value of parameter sku.tier '${String(tier)}' is invalid: Free, Standard or Premium.`,
            'sku.tier',
        );
    }
    assertSupportPlan(props.supportPlan, tier);
    const network = props.networkProfile as Json | undefined;
    if (network) {
        if (network.networkPlugin !== undefined && !['azure', 'kubenet', 'none'].includes(String(network.networkPlugin))) {
            throw aksError(
                400,
                'InvalidParameter',
                `The value of parameter networkProfile.networkPlugin '${String(network.networkPlugin)}' is invalid: azure, kubenet or none.`,
                'networkProfile.networkPlugin',
            );
        }
        if (network.networkPluginMode !== undefined && (network.networkPluginMode !== 'overlay' || network.networkPlugin !== 'azure')) {
            throw aksError(
                400,
                'InvalidParameter',
                `networkPluginMode '${String(network.networkPluginMode)}' is only allowed with the azure network plugin.`,
                'networkProfile.networkPluginMode',
            );
        }
    }
    const keys = (((props.linuxProfile as Json | undefined)?.ssh as Json | undefined)?.publicKeys ?? []) as Json[];
    for (const key of keys) {
        if (!/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( .*)?$/.test(String(key.keyData ?? '').trim())) {
            throw aksError(
                400,
                'InvalidParameter',
                'The value of parameter linuxProfile.ssh.publicKeys.keyData is invalid: an OpenSSH public key.',
                'linuxProfile.ssh.publicKeys.keyData',
            );
        }
    }
}

/**
 * R15 as AKS enforces it: no pool from an image of an operating system AKS retired for the version. Sources: Azure
 * Linux 2.0, no support from 2025-11-30 and node images removed from 2026-10-31 (AKS docs, the notice on "Node
 * auto-provisioning: AKSNodeClass"); Windows Server 2019 retired 2026-03-01, no new node pools on Kubernetes 1.33
 * and later (AKS release notes 2023-07-30 and 2026-05-29). The default Windows OS SKU is Windows2022 from 1.25
 * (AKS docs, "Windows Server node pools FAQ").
 */
export function assertOsNotRetired(
    image: { osType?: unknown; osSku?: unknown; nodeImageVersion?: unknown },
    kubernetesVersion: string,
): void {
    const [major, minor] = kubernetesVersion.split('.').map(Number);
    const windowsDefault = major > 1 || minor >= 25 ? 'Windows2022' : 'Windows2019';
    const sku = String(image.osSku ?? (image.osType === 'Windows' ? windowsDefault : 'Ubuntu'));
    if (sku.toLowerCase() === 'cblmariner' || /^AKS(CBLMariner|AzureLinux)-V2/i.test(String(image.nodeImageVersion ?? ''))) {
        throw aksError(
            400,
            'InvalidParameter',
            'Azure Linux 2.0 is retired: AKS no longer supports it since 2025-11-30 and has removed its node images. Use osSku AzureLinux3.',
            'osSKU',
        );
    }
    if (sku === 'Windows2019' && (major > 1 || minor >= 33)) {
        throw aksError(
            400,
            'InvalidParameter',
            `Windows Server 2019 is retired and is not supported on Kubernetes ${kubernetesVersion} (1.33 and later). Use Windows2022.`,
            'osSKU',
        );
    }
}

/**
 * A pool's version has the control plane's major version and is within two minor versions of it. Source: the REST
 * spec (2026-04-01), `orchestratorVersion`: "The node pool minor version must be within two minor versions of the
 * control plane version."
 */
export function assertWithinSkew(version: string, controlPlane: string): void {
    const [a, b] = [version, controlPlane].map((v) => v.split('.').map(Number));
    if (a[0] !== b[0] || b[1] - a[1] > 2) {
        throw aksError(
            400,
            'InvalidParameter',
            `Node pool version ${version} must be within two minor versions of the control plane version ${controlPlane}.`,
            'orchestratorVersion',
        );
    }
}

/** How long after an upgrade AKS keeps a pool's earlier version for rollback: "Available only for seven days after upgrade completion." */
export const ROLLBACK_DAYS = 7;

/**
 * A pool rollback (a PUT setting `nodeImageVersion` to one of `recentlyUsedVersions`) as AKS limits it. Source: AKS
 * docs, "Roll back node pool versions in Azure Kubernetes Service (AKS)" (learn.microsoft.com/azure/aks/
 * roll-back-node-pool-version): the cluster's auto-upgrade must be disabled first; available only for seven days after
 * the upgrade; no consecutive rollbacks; no rollback to a Kubernetes version AKS no longer supports; an OS SKU change
 * is not reverted (the earlier image, of another OS SKU, is refused). The codes and messages are the emulator's.
 */
export function assertRollback(
    pool: { name: string; properties: Json; rolledBack?: boolean },
    target: { orchestratorVersion: string; nodeImageVersion: string; timestamp: string },
    cluster: { location: string; properties: Json },
    now: Date,
): void {
    const channel = String((cluster.properties.autoUpgradeProfile as Json | undefined)?.upgradeChannel ?? 'none');
    if (channel.toLowerCase() !== 'none') {
        throw aksError(
            400,
            'OperationNotAllowed',
            `Agent pool '${pool.name}' cannot be rolled back while the cluster's auto-upgrade channel is '${channel}': set it to 'none' first.`,
            'autoUpgradeProfile.upgradeChannel',
        );
    }
    if (pool.rolledBack) {
        throw aksError(
            400,
            'OperationNotAllowed',
            `Agent pool '${pool.name}' was just rolled back: consecutive rollbacks are not supported.`,
            'properties.nodeImageVersion',
        );
    }
    const age = now.getTime() - Date.parse(target.timestamp);
    if (!(age <= ROLLBACK_DAYS * 86_400_000)) {
        throw aksError(
            400,
            'OperationNotAllowed',
            `Agent pool '${pool.name}' left version ${target.orchestratorVersion} (${target.nodeImageVersion}) on ${target.timestamp}: a rollback is available only for ${ROLLBACK_DAYS} days after the upgrade.`,
            'properties.nodeImageVersion',
        );
    }
    if (!supportedPatches(cluster.location, isLongTermSupport(cluster.properties)).includes(target.orchestratorVersion)) {
        throw aksError(
            400,
            'K8sVersionNotSupported',
            `Version ${target.orchestratorVersion} is no longer supported in this region: agent pool '${pool.name}' cannot be rolled back to it.`,
            'properties.nodeImageVersion',
        );
    }
    if (imageFamily(target.nodeImageVersion) !== imageFamily(String(pool.properties.nodeImageVersion ?? ''))) {
        throw aksError(
            400,
            'InvalidParameter',
            `Node image ${target.nodeImageVersion} is of another OS SKU than agent pool '${pool.name}' runs: a rollback does not revert an OS SKU change (use az aks nodepool update --os-sku).`,
            'properties.nodeImageVersion',
        );
    }
}

/** A node image's family: its name without the release (`AKSUbuntu-2204gen2containerd`). */
export function imageFamily(image: string): string {
    return image.replace(/-[^-]*$/, '').toLowerCase();
}
