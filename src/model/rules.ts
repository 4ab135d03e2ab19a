import type { Cluster, NodePool, Snapshot } from './aks';
import { parseArmId } from './armId';
import type { Problem } from './problems';
import { isTerminalState } from './provisioning';
import { compareKubernetesVersions, compareNodeImages, formatDay, nodeImageDate, parseKubernetesVersion, ubuntuRelease } from './versions';
import { findVmSize, imageGeneration, isSameVmFamily, parseVmSize, VmSizeFacts } from './vmSize';

/** R3: pools created or upgraded before this day cannot be snapshotted. */
export const FIRST_SNAPSHOT_DAY = new Date(Date.UTC(2021, 10, 10));
/**
 * R12: how many days past its publish date a snapshot's node image may be for a pool to be upgraded to it. Source:
 * the AKS page "Use node pool snapshots" (learn.microsoft.com/azure/aks/node-pool-snapshot), current English text.
 */
export const MAX_IMAGE_AGE_DAYS = 90;

/**
 * What AKS answered, beside the pool and the snapshot, for judging an upgrade. `now`: Azure's time (the `Date`
 * header of its answers), on which R12's days are counted, as AKS counts them. `upgrades`: the Kubernetes versions
 * AKS lists for the pool (`agentPools.getUpgradeProfile`, which knows LTS paths and the versions the region still
 * offers); unset when that could not be read, and then the hand-written R5 (one minor at a time) applies instead,
 * labelled as such.
 */
export interface UpgradeFacts {
    readonly now: Date;
    readonly upgrades?: readonly string[];
}

/**
 * R10 for one resource: no change while an operation runs on it, and none but start or delete while it is stopped
 * (`powerState.code` `Stopped`; AKS pages "Stop and start an AKS cluster" and "Start and stop a node pool").
 */
export function busyProblem(kind: 'cluster' | 'nodePool', name: string, state: string | undefined, powerState?: string): Problem[] {
    if (!isTerminalState(state)) {
        return [{ code: 'busy', rule: 'R10', kind, name, state: state || '?' }];
    }
    return powerState?.toLowerCase() === 'stopped' ? [{ code: 'stopped', rule: 'R10', kind, name }] : [];
}

/** Why a pool cannot be snapshotted (R10, R11, R3). */
export function snapshotSourceProblems(pool: NodePool): Problem[] {
    const problems = busyProblem('nodePool', pool.name, pool.provisioningState, pool.powerState);
    // AKS changelog, 2022-06-19: a snapshot is taken only of a pool in Succeeded (not Failed, not Canceled).
    if (!problems.length && pool.provisioningState?.toLowerCase() !== 'succeeded') {
        problems.push({ code: 'snapshotSourceNotSucceeded', rule: 'R10', pool: pool.name, state: pool.provisioningState ?? '?' });
    }
    if (pool.poolType === 'VirtualMachines') {
        problems.push({ code: 'virtualMachinesPool', rule: 'R11', pool: pool.name });
    }
    const published = pool.nodeImageVersion ? nodeImageDate(pool.nodeImageVersion) : undefined;
    if (pool.nodeImageVersion && published && published < FIRST_SNAPSHOT_DAY) {
        problems.push({ code: 'imageTooOld', rule: 'R3', pool: pool.name, image: pool.nodeImageVersion, date: formatDay(published) });
    }
    return problems;
}

/** R1: a VM size for a pool made from the snapshot. */
/** The VM sizes Azure offers in a region (its resource SKU list); without it, rules fall back to reading size names. */
export interface RegionSizes {
    readonly location: string;
    readonly sizes: readonly VmSizeFacts[];
}

/**
 * R1: the doc's family (the series, read from the name) must match the snapshot's; the CPU architecture and the
 * Hyper-V generation the snapshot's image needs come from Azure's size facts when the region's list was read
 * (else from the name, a labelled guess); the size must be offered, unrestricted, in the region.
 */
export function vmSizeProblems(vmSize: string, snapshot: Snapshot, region?: RegionSizes): Problem[] {
    const size = parseVmSize(vmSize);
    if (!size) {
        return [{ code: 'vmSizeUnknown', rule: 'R1', vmSize }];
    }
    const facts = region ? findVmSize(region.sizes, vmSize) : undefined;
    if (region && (!facts || facts.restricted)) {
        return [{ code: 'vmSizeNotOffered', rule: 'R1', vmSize, location: region.location }];
    }
    const snapshotSize = parseVmSize(snapshot.vmSize);
    const architecture = facts?.architecture ?? size.architecture;
    const snapshotArchitecture =
        (region ? findVmSize(region.sizes, snapshot.vmSize)?.architecture : undefined) ?? snapshotSize?.architecture;
    if (!snapshotSize || snapshotSize.family !== size.family || architecture !== snapshotArchitecture) {
        return [{ code: 'vmFamilyMismatch', rule: 'R1', vmSize, snapshot: snapshot.name, snapshotVmSize: snapshot.vmSize }];
    }
    const generation = imageGeneration(snapshot.nodeImageVersion);
    if (facts && !facts.hyperVGenerations.includes(generation)) {
        return [{ code: 'vmSizeGeneration', rule: 'R1', vmSize, generation, image: snapshot.nodeImageVersion }];
    }
    return [];
}

/** R8: the system pool of a new cluster; its vCPUs are the size's available vCPUs from Azure's facts when read. */
export function systemPoolProblems(snapshot: Snapshot, vmSize?: string, region?: RegionSizes): Problem[] {
    const problems: Problem[] = [];
    if (snapshot.osType !== 'Linux') {
        problems.push({ code: 'systemPoolWindows', rule: 'R8', snapshot: snapshot.name });
    }
    const size = vmSize ? parseVmSize(vmSize) : undefined;
    if (vmSize && size?.family === 'B') {
        problems.push({ code: 'systemPoolBSeries', rule: 'R8', vmSize });
    }
    const facts = vmSize && region ? findVmSize(region.sizes, vmSize) : undefined;
    const vCpus = facts ? facts.vCpusAvailable : size?.vCpus;
    if (vmSize && vCpus !== undefined && vCpus < 4) {
        problems.push({ code: 'systemPoolVcpus', rule: 'R8', vmSize, vCpus });
    }
    return problems;
}

/**
 * R4: the snapshot's Kubernetes version must be offered: in the region (a new cluster), or for a new pool in the
 * cluster (`cluster` set: AKS's available agent pool versions for it, which know its LTS plan).
 */
export function supportedVersionProblems(
    snapshot: Snapshot,
    location: string,
    supportedVersions: readonly string[],
    cluster?: string,
): Problem[] {
    return supportedVersions.includes(snapshot.kubernetesVersion)
        ? []
        : [
              {
                  code: 'versionNotSupported',
                  rule: 'R4',
                  snapshot: snapshot.name,
                  version: snapshot.kubernetesVersion,
                  location,
                  ...(cluster ? { cluster } : {}),
              },
          ];
}

/** The Kubernetes versions a new pool may have: AKS's list for the cluster, or, when that could not be read, the region's. */
export interface PoolVersions {
    readonly versions: readonly string[];
    readonly from: 'cluster' | 'region';
}

/** Why a snapshot cannot seed a new pool in a cluster: R10, R15, R4, R16 and the control plane's version. */
export function addPoolProblems(snapshot: Snapshot, cluster: Cluster, offered: PoolVersions): Problem[] {
    const problems = busyProblem('cluster', cluster.name, cluster.provisioningState, cluster.powerState);
    problems.push(
        ...retiredOsProblems(snapshot),
        ...supportedVersionProblems(snapshot, cluster.location, offered.versions, offered.from === 'cluster' ? cluster.name : undefined),
    );
    // R16: Windows pools need Azure CNI (Azure Policy 46238e2f "Azure Kubernetes Clusters should use Azure CNI": a
    // prerequisite of Windows node pools); an unread plugin is left to AKS.
    if (snapshot.osType === 'Windows' && cluster.networkPlugin && cluster.networkPlugin.toLowerCase() !== 'azure') {
        problems.push({
            code: 'windowsNeedsAzureCni',
            rule: 'R16',
            snapshot: snapshot.name,
            cluster: cluster.name,
            networkPlugin: cluster.networkPlugin,
        });
    }
    const order = compareKubernetesVersions(snapshot.kubernetesVersion, cluster.kubernetesVersion);
    if (order === undefined) {
        problems.push(...unreadableVersions(snapshot.kubernetesVersion, cluster.kubernetesVersion));
    } else if (order > 0) {
        problems.push({
            code: 'newerThanControlPlane',
            rule: 'R5',
            version: snapshot.kubernetesVersion,
            cluster: cluster.name,
            controlPlane: cluster.kubernetesVersion,
        });
    } else {
        problems.push(...skewProblems(snapshot.kubernetesVersion, cluster));
    }
    return problems;
}

/**
 * R5's skew: a pool's version has the control plane's major version and is within two minor versions of it. Source:
 * Azure's REST spec (2026-04-01), `orchestratorVersion`: "The node pool minor version must be within two minor
 * versions of the control plane version."
 */
export function skewProblems(version: string, cluster: Cluster): Problem[] {
    const pool = parseKubernetesVersion(version);
    const controlPlane = parseKubernetesVersion(cluster.kubernetesVersion);
    return pool && controlPlane && (pool.major !== controlPlane.major || controlPlane.minor - pool.minor > 2)
        ? [{ code: 'behindControlPlane', rule: 'R5', version, cluster: cluster.name, controlPlane: cluster.kubernetesVersion }]
        : [];
}

/** R6: equal Kubernetes versions mean a node-image-only upgrade. */
export type UpgradePath = 'nodeImageOnly' | 'kubernetes';

export function upgradePath(pool: NodePool, snapshot: Snapshot): UpgradePath {
    return compareKubernetesVersions(snapshot.kubernetesVersion, pool.kubernetesVersion) === 0 ? 'nodeImageOnly' : 'kubernetes';
}

/**
 * R5's one exception: a pool whose upgrade to this snapshot ended `Failed` (AKS wrote the snapshot's link and image
 * when it accepted the upgrade) may be sent the same upgrade again: that is how the Azure CLI recovers it.
 */
export function isRetry(pool: NodePool, snapshot: Snapshot): boolean {
    return (
        pool.provisioningState?.toLowerCase() === 'failed' &&
        !!pool.snapshotId &&
        pool.snapshotId.toLowerCase() === snapshot.id.toLowerCase() &&
        pool.nodeImageVersion === snapshot.nodeImageVersion
    );
}

/** Why a pool cannot be upgraded to a snapshot: R10, R1 (family and OS), R5, R14, R15, R12. */
export function upgradeProblems(pool: NodePool, cluster: Cluster, snapshot: Snapshot, facts: UpgradeFacts): Problem[] {
    const problems = [
        ...busyProblem('cluster', cluster.name, cluster.provisioningState, cluster.powerState),
        ...busyProblem('nodePool', pool.name, pool.provisioningState, pool.powerState),
    ];
    if (snapshot.osType !== pool.osType) {
        problems.push({ code: 'osMismatch', rule: 'R1', snapshot: snapshot.name, snapshotOs: snapshot.osType, poolOs: pool.osType });
    } else if (!isSameVmFamily(pool.vmSize, snapshot.vmSize)) {
        problems.push({
            code: 'vmFamilyMismatch',
            rule: 'R1',
            vmSize: pool.vmSize,
            snapshot: snapshot.name,
            snapshotVmSize: snapshot.vmSize,
        });
    }
    const versionOrder = compareKubernetesVersions(snapshot.kubernetesVersion, pool.kubernetesVersion);
    const controlPlaneOrder = compareKubernetesVersions(snapshot.kubernetesVersion, cluster.kubernetesVersion);
    if (versionOrder === undefined || controlPlaneOrder === undefined) {
        problems.push(...unreadableVersions(snapshot.kubernetesVersion, pool.kubernetesVersion, cluster.kubernetesVersion));
    } else if (versionOrder < 0) {
        problems.push({
            code: 'versionNotNewer',
            rule: 'R5',
            snapshotVersion: snapshot.kubernetesVersion,
            poolVersion: pool.kubernetesVersion,
        });
    } else if (versionOrder > 0) {
        if (controlPlaneOrder > 0) {
            problems.push({
                code: 'newerThanControlPlane',
                rule: 'R5',
                version: snapshot.kubernetesVersion,
                cluster: cluster.name,
                controlPlane: cluster.kubernetesVersion,
            });
        } else if (facts.upgrades) {
            problems.push(...listedUpgradeProblems(pool, snapshot.kubernetesVersion, facts.upgrades));
        } else {
            problems.push(
                ...skewProblems(snapshot.kubernetesVersion, cluster),
                ...oneMinorProblems(pool.kubernetesVersion, snapshot.kubernetesVersion),
            );
        }
    }
    problems.push(...osProblems(pool, snapshot), ...retiredOsProblems(snapshot));
    if (!isNewerImage(snapshot.nodeImageVersion, pool.nodeImageVersion) && !isRetry(pool, snapshot)) {
        problems.push({
            code: 'imageNotNewer',
            rule: 'R5',
            snapshotImage: snapshot.nodeImageVersion,
            poolImage: pool.nodeImageVersion ?? '',
        });
    }
    problems.push(...imageAgeProblems(snapshot, facts.now));
    return problems;
}

/** R5 from AKS's own answer: the version must be one AKS lists as an upgrade for the pool (LTS paths included). */
function listedUpgradeProblems(pool: NodePool, version: string, upgrades: readonly string[]): Problem[] {
    return upgrades.some((v) => compareKubernetesVersions(v, version) === 0)
        ? []
        : [{ code: 'notListedUpgrade', rule: 'R5', pool: pool.name, version, listed: [...upgrades] }];
}

/**
 * R5's fall-back, used only when AKS's upgrade paths could not be read: one minor version at a time (AKS page
 * "Upgrade an AKS cluster": minor versions cannot be skipped). It knows nothing of LTS paths; the problem says so.
 */
function oneMinorProblems(fromVersion: string, toVersion: string): Problem[] {
    const from = parseKubernetesVersion(fromVersion);
    const to = parseKubernetesVersion(toVersion);
    return from && to && (to.major !== from.major || to.minor - from.minor > 1)
        ? [{ code: 'skipsMinor', rule: 'R5', from: fromVersion, to: toVersion }]
        : [];
}

/**
 * R14: an upgrade keeps the pool's OS. The OS SKU family stays (Ubuntu, Ubuntu2204 and Ubuntu2404 are Ubuntu;
 * AzureLinux and CBLMariner are Azure Linux; each Windows version is its own), the Ubuntu release does not go
 * back (24.04 → 22.04), and FIPS stays as it is.
 */
export function osProblems(pool: NodePool, snapshot: Snapshot): Problem[] {
    if (snapshot.osType !== pool.osType) {
        return [];
    }
    const problems: Problem[] = [];
    const poolSku = effectiveOsSku(pool.osType, pool.osSku, pool.kubernetesVersion);
    const snapshotSku = effectiveOsSku(snapshot.osType, snapshot.osSku, snapshot.kubernetesVersion);
    if (osSkuFamily(poolSku) !== osSkuFamily(snapshotSku)) {
        problems.push({ code: 'osSkuChange', rule: 'R14', snapshot: snapshot.name, snapshotSku, poolSku });
    }
    const from = pool.nodeImageVersion ? ubuntuRelease(pool.nodeImageVersion) : undefined;
    const to = ubuntuRelease(snapshot.nodeImageVersion);
    if (from !== undefined && to !== undefined && to < from) {
        const release = (r: number): string => `${String(r).slice(0, 2)}.${String(r).slice(2)}`;
        problems.push({
            code: 'osDowngrade',
            rule: 'R14',
            snapshot: snapshot.name,
            snapshotRelease: release(to),
            poolRelease: release(from),
        });
    }
    if (!!pool.enableFips !== !!snapshot.enableFips) {
        problems.push({
            code: 'fipsChange',
            rule: 'R14',
            snapshot: snapshot.name,
            snapshotFips: !!snapshot.enableFips,
            poolFips: !!pool.enableFips,
        });
    }
    return problems;
}

/**
 * The OS SKU AKS uses when none is set: Ubuntu for Linux; for Windows, Windows Server 2022 from Kubernetes 1.25
 * (AKS docs, "Windows Server node pools FAQ": the default OS SKU for Windows is Windows2022 from 1.25, Windows2019
 * before).
 */
export function effectiveOsSku(osType: string, osSku: string | undefined, kubernetesVersion: string): string {
    if (osSku) {
        return osSku;
    }
    if (osType !== 'Windows') {
        return 'Ubuntu';
    }
    const version = parseKubernetesVersion(kubernetesVersion);
    return version && (version.major > 1 || version.minor >= 25) ? 'Windows2022' : 'Windows2019';
}

/**
 * R15: a snapshot of an operating system AKS has retired for its Kubernetes version. Azure Linux 2.0: no support
 * or security updates from 2025-11-30, its node images removed from 2026-10-31 (AKS docs, the notice on "Node
 * auto-provisioning: AKSNodeClass" and the AKS retirement announcement). Windows Server 2019: retired 2026-03-01,
 * no new node pools on Kubernetes 1.33 and later (AKS release notes, 2023-07-30 and 2026-05-29).
 */
export function retiredOsProblems(snapshot: Snapshot): Problem[] {
    const sku = effectiveOsSku(snapshot.osType, snapshot.osSku, snapshot.kubernetesVersion);
    if (sku.toLowerCase() === 'cblmariner' || /^AKS(CBLMariner|AzureLinux)-V2/i.test(snapshot.nodeImageVersion)) {
        return [
            {
                code: 'osRetired',
                rule: 'R15',
                snapshot: snapshot.name,
                os: 'Azure Linux 2.0',
                retired: '2025-11-30',
                source: 'learn.microsoft.com/azure/aks/node-auto-provisioning-aksnodeclass',
            },
        ];
    }
    const version = parseKubernetesVersion(snapshot.kubernetesVersion);
    if (sku === 'Windows2019' && version && (version.major > 1 || version.minor >= 33)) {
        return [
            {
                code: 'osRetired',
                rule: 'R15',
                snapshot: snapshot.name,
                os: 'Windows Server 2019',
                retired: '2026-03-01',
                source: 'github.com/Azure/AKS/releases/tag/2026-05-29',
            },
        ];
    }
    return [];
}

function osSkuFamily(osSku: string): string {
    const sku = osSku.toLowerCase();
    if (sku.startsWith('ubuntu')) {
        return 'ubuntu';
    }
    return sku === 'cblmariner' || sku.startsWith('azurelinux') ? 'azurelinux' : sku;
}

/** By publish date, then revision; an image whose date cannot be read is not newer (fail closed). */
export function isNewerImage(candidate: string, current: string | undefined): boolean {
    const byDate = current ? compareNodeImages(candidate, current) : undefined;
    return byDate !== undefined && byDate > 0;
}

function unreadableVersions(...versions: string[]): Problem[] {
    return versions.filter((v) => !parseKubernetesVersion(v)).map((version) => ({ code: 'versionUnreadable', rule: 'R5', version }));
}

/**
 * R12: a snapshot whose node image is more than 90 days past its publish date (on Azure's clock), or whose date
 * cannot be read (it counts as old). An upgrade is refused; Add Node Pool and Create Cluster show it as a warning.
 */
export function imageAgeProblems(snapshot: Snapshot, now: Date): Problem[] {
    const published = nodeImageDate(snapshot.nodeImageVersion);
    if (!published) {
        return [{ code: 'imageDateUnknown', rule: 'R12', image: snapshot.nodeImageVersion }];
    }
    const days = Math.floor((now.getTime() - published.getTime()) / 86_400_000);
    return days > MAX_IMAGE_AGE_DAYS
        ? [{ code: 'imageAge', rule: 'R12', image: snapshot.nodeImageVersion, date: formatDay(published), days }]
        : [];
}

/** R13: the subscription a snapshot (or any resource) lives in, read from its id. */
export function subscriptionOf(resourceId: string): string | undefined {
    return parseArmId(resourceId)?.subscriptionId;
}

/** Node counts: user pools 0–1000, system pools 1–1000. */
export function nodeCountProblems(value: string, mode: 'System' | 'User'): Problem[] {
    const min = mode === 'System' ? 1 : 0;
    const count = Number(value.trim());
    return /^\d+$/.test(value.trim()) && count >= min && count <= 1000 ? [] : [{ code: 'nodeCount', rule: 'count', value, mode, min }];
}
