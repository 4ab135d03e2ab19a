import type { Problem } from './problems';
import { tagNameProblems, tagValueProblems } from './tags';

/** R9 names. Each check returns the problems with a name; uniqueness is checked against what exists. */

const POOL_NAME = /^[a-z][a-z0-9]*$/;
const SNAPSHOT_OR_CLUSTER_NAME = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const DNS_PREFIX = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/;
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function poolNameProblems(name: string, osType: string, cluster: string, existing: readonly string[]): Problem[] {
    const maxLength = osType === 'Windows' ? 6 : 12;
    if (!POOL_NAME.test(name) || name.length > maxLength) {
        return [{ code: 'poolName', rule: 'R9', name, maxLength, osType }];
    }
    return existing.some((e) => sameName(e, name)) ? [{ code: 'poolNameTaken', rule: 'R9', name, cluster }] : [];
}

export function snapshotNameProblems(name: string, resourceGroup: string, existing: readonly string[]): Problem[] {
    if (!SNAPSHOT_OR_CLUSTER_NAME.test(name)) {
        return [{ code: 'snapshotName', rule: 'R9', name }];
    }
    return existing.some((e) => sameName(e, name)) ? [{ code: 'snapshotNameTaken', rule: 'R9', name, resourceGroup }] : [];
}

export function clusterNameProblems(name: string, resourceGroup: string, existing: readonly string[]): Problem[] {
    if (!SNAPSHOT_OR_CLUSTER_NAME.test(name)) {
        return [{ code: 'clusterName', rule: 'R9', name }];
    }
    return existing.some((e) => sameName(e, name)) ? [{ code: 'clusterNameTaken', rule: 'R9', name, resourceGroup }] : [];
}

export function dnsPrefixProblems(name: string): Problem[] {
    return DNS_PREFIX.test(name) ? [] : [{ code: 'dnsPrefix', rule: 'R9', name }];
}

export function resourceGroupNameProblems(name: string): Problem[] {
    return RESOURCE_GROUP.test(name) && !name.endsWith('.') ? [] : [{ code: 'resourceGroupName', rule: 'R9', name }];
}

/** `<cluster>-<pool>-<yyyymmdd>`, made valid for R9 (at most 63 characters, ending alphanumeric). */
export function defaultSnapshotName(cluster: string, pool: string, day: Date): string {
    const date = day.toISOString().slice(0, 10).replace(/-/g, '');
    const head = `${cluster}-${pool}`
        .replace(/[^-_a-zA-Z0-9]/g, '-')
        .slice(0, 63 - date.length - 1)
        .replace(/[-_]+$/, '');
    return `${head}-${date}`.replace(/^[-_]+/, '');
}

/** A DNS prefix from a cluster name: letters, digits and '-', at most 54, ending alphanumeric. */
export function defaultDnsPrefix(clusterName: string): string {
    return (
        clusterName
            .replace(/[^-a-zA-Z0-9]/g, '-')
            .slice(0, 54)
            .replace(/^-+|-+$/g, '') || 'aks'
    );
}

/** Tags typed as `key=value` pairs separated by commas (values may hold spaces). */
export function parseTags(text: string): { tags: Record<string, string> } | { problem: Problem } {
    const tags: Record<string, string> = {};
    for (const pair of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = pair.indexOf('=');
        const key = at > 0 ? pair.slice(0, at) : '';
        if (!key) {
            return { problem: { code: 'tag', rule: 'tags', value: pair } };
        }
        const [problem] = [...tagNameProblems(key, tags), ...tagValueProblems(pair.slice(at + 1))];
        if (problem) {
            return { problem };
        }
        tags[key] = pair.slice(at + 1);
    }
    return { tags };
}

export function formatTags(tags: Readonly<Record<string, string>>): string {
    return Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
}
