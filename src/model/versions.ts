/** A Kubernetes version `major.minor[.patch]`. */
export interface KubernetesVersion {
    readonly major: number;
    readonly minor: number;
    readonly patch?: number;
}

export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
    const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    return { major: Number(match[1]), minor: Number(match[2]), patch: match[3] === undefined ? undefined : Number(match[3]) };
}

/**
 * Negative when a < b, zero when equal, positive when a > b; a missing patch counts as 0. Undefined when either
 * cannot be read: no order is guessed for a version the product does not understand (it fails closed).
 */
export function compareKubernetesVersions(a: string, b: string): number | undefined {
    const x = parseKubernetesVersion(a);
    const y = parseKubernetesVersion(b);
    if (!x || !y) {
        return undefined;
    }
    return x.major - y.major || x.minor - y.minor || (x.patch ?? 0) - (y.patch ?? 0);
}

/**
 * The date a node image was published, from its version string:
 * `AKSUbuntu-2204gen2containerd-202411.12.0` (yyyymm.dd.n), the older `AKSUbuntu-1804gen2containerd-2022.03.21`
 * (yyyy.mm.dd) and Windows' `AKSWindows-2022-containerd-20348.2966.241118` (build.revision.yymmdd).
 */
export function nodeImageDate(nodeImageVersion: string): Date | undefined {
    const text = nodeImageVersion.trim();
    let match = /-(\d{4})(\d{2})\.(\d{2})\.\d+$/.exec(text);
    if (match) {
        return utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    match = /-(\d{4})\.(\d{2})\.(\d{2})$/.exec(text);
    if (match) {
        return utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    match = /^AKSWindows-.*-\d+\.\d+\.(\d{2})(\d{2})(\d{2})$/.exec(text);
    if (match) {
        return utcDate(2000 + Number(match[1]), Number(match[2]), Number(match[3]));
    }
    return undefined;
}

function utcDate(year: number, month: number, day: number): Date | undefined {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * Compares node images by publish date, and images of the same day by their revision (`202411.12.0` <
 * `202411.12.1`, R14); undefined when either date cannot be read.
 */
export function compareNodeImages(a: string, b: string): number | undefined {
    const x = nodeImageDate(a);
    const y = nodeImageDate(b);
    if (!x || !y) {
        return undefined;
    }
    return x.getTime() - y.getTime() || nodeImageRevision(a) - nodeImageRevision(b);
}

/** The revision of a `yyyymm.dd.n` image (`n`); 0 for the other forms, which carry none. */
function nodeImageRevision(nodeImageVersion: string): number {
    const match = /-\d{6}\.\d{2}\.(\d+)$/.exec(nodeImageVersion.trim());
    return match ? Number(match[1]) : 0;
}

/** The Ubuntu release an AKS Ubuntu image is built on (`AKSUbuntu-2404gen2…` → 2404); undefined for other images. */
export function ubuntuRelease(nodeImageVersion: string): number | undefined {
    const match = /^AKSUbuntu-(\d{4})/i.exec(nodeImageVersion.trim());
    return match ? Number(match[1]) : undefined;
}

/** A node image's family: its name without the release (`AKSUbuntu-2204gen2containerd-202611.03.0` → `aksubuntu-2204gen2containerd`). */
export function nodeImageFamily(nodeImageVersion: string): string {
    return nodeImageVersion
        .trim()
        .replace(/-[^-]*$/, '')
        .toLowerCase();
}

/** AKS's newest node image for a pool (its upgrade profile's `latestNodeImageVersion`), or why it could not be read. */
export type LatestNodeImage = { readonly latest: string } | { readonly unread: string };

/**
 * How many whole days `latest` was published after `image`, when both dates can be read (0 when the image is the
 * latest or newer). AKS's latest for a pool may be of another family (a retired Ubuntu release's pool is offered the
 * current one): the days still count.
 */
export function daysBehind(image: string, latest: string): number | undefined {
    const [a, b] = [nodeImageDate(image), nodeImageDate(latest)];
    if (!a || !b) {
        return undefined;
    }
    return Math.max(0, Math.round((b.getTime() - a.getTime()) / 86_400_000));
}

/** `2024-11-12` */
export function formatDay(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** A Kubernetes version AKS offers in a region, with the support plans of its minor (`capabilities.supportPlan`). */
export interface OfferedVersion {
    readonly version: string;
    readonly supportPlans: readonly string[];
}

/**
 * Offered only under AKS's long-term support: a cluster on it needs `supportPlan: AKSLongTermSupport` and the
 * Premium tier (AKS page "Long-term support for Azure Kubernetes Service (AKS) versions"; REST spec 2026-04-01,
 * `KubernetesSupportPlan`).
 */
export function isLongTermSupportOnly(offered: OfferedVersion): boolean {
    return offered.supportPlans.includes('AKSLongTermSupport') && !offered.supportPlans.includes('KubernetesOfficial');
}
