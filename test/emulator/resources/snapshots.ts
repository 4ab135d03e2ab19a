import { assertSnapshotName, assertSnapshotSource, assertTags } from '../aksRules';
import { aksError, armError, ArmRequest, checkConditions, Json, key, newETag } from '../http';
import type { RouteTable } from '../routes';
import { SnapshotRecord, snapshotId, snapshotJson } from '../shapes';
import { CLIENT_ID } from '../tokens';
import { notFound } from './agentPools';
import { Context, page } from './context';

/**
 * Node pool snapshots: made synchronously from a pool, tagged with PATCH or ARM's Tags API, deleted synchronously.
 * Under `etags: documented` (the REST spec, 2026-04-01: `Snapshots_Get/CreateOrUpdate/UpdateTags/Delete` declare no
 * `If-Match`/`If-None-Match` and the `Snapshot` model has no eTag), a snapshot is served without an `ETag` and its
 * writes ignore conditions, as a provider that does not implement them does.
 */
export function registerSnapshots(table: RouteTable, context: Context): void {
    const documented = (): boolean => context.knobs.etags === 'documented';
    const conditions = (request: ArmRequest, existing: SnapshotRecord | undefined, what: string): void => {
        if (!documented()) {
            checkConditions(request, existing, what);
        }
    };
    const etag = (record: SnapshotRecord): Record<string, string> => (documented() ? {} : { etag: record.eTag });
    const one = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/snapshots/{snapshot}';
    const find = (params: Record<string, string>): { k: string; existing?: SnapshotRecord; sub: string; rg: string } => {
        const state = context.state();
        const sub = state.subscription(params.subscriptionId).subscriptionId;
        const rg = state.group(sub, params.resourceGroup).name;
        const k = key(sub, rg, params.snapshot);
        return { k, existing: state.snapshots.get(k), sub, rg };
    };
    table.add(
        'snapshots.listBySubscription',
        'GET',
        '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/snapshots',
        (request, params) => {
            const state = context.state();
            return page(context, request, state.snapshotsIn(state.subscription(params.subscriptionId).subscriptionId).map(snapshotJson));
        },
    );
    table.add(
        'snapshots.listByResourceGroup',
        'GET',
        '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/snapshots',
        (request, params) => {
            const state = context.state();
            const sub = state.subscription(params.subscriptionId).subscriptionId;
            const rg = state.group(sub, params.resourceGroup).name.toLowerCase();
            return page(
                context,
                request,
                state
                    .snapshotsIn(sub)
                    .filter((s) => s.resourceGroup.toLowerCase() === rg)
                    .map(snapshotJson),
            );
        },
    );
    table.add('snapshots.get', 'GET', one, (_request, params) => {
        const { existing } = find(params);
        if (!existing) {
            throw notFound('snapshots', params.snapshot, params.resourceGroup);
        }
        return { status: 200, body: snapshotJson(existing), headers: etag(existing) };
    });
    table.add('snapshots.delete', 'DELETE', one, (request, params) => {
        const { k, existing } = find(params);
        conditions(request, existing, `snapshot '${params.snapshot}'`);
        if (!existing) {
            return { status: 204 };
        }
        context.state().snapshots.delete(k);
        return { status: 200 };
    });
    table.add('snapshots.patch', 'PATCH', one, (request, params) => {
        const { existing } = find(params);
        if (!existing) {
            throw notFound('snapshots', params.snapshot, params.resourceGroup);
        }
        conditions(request, existing, `snapshot '${params.snapshot}'`);
        const tags = (request.body as Json | undefined)?.tags;
        assertTags(tags);
        if (tags !== undefined) {
            existing.tags = tags as Record<string, string>;
        }
        existing.systemData.lastModifiedAt = new Date().toISOString();
        existing.eTag = newETag();
        return { status: 200, body: snapshotJson(existing), headers: etag(existing) };
    });
    // ARM's Tags API on a snapshot (Tags_UpdateAtScope, Microsoft.Resources 2021-04-01,
    // learn.microsoft.com/rest/api/resources/tags/updateatscope):
    // ARM merges on its side, so a change to one tag never drops another. `Merge` adds or updates the given tags,
    // `Replace` sets exactly them, `Delete` removes those given by name, or by name and value when a value is given.
    table.add('tags.getAtScope', 'GET', `${one}/providers/Microsoft.Resources/tags/default`, (_request, params) => {
        const { existing } = find(params);
        if (!existing) {
            throw notFound('snapshots', params.snapshot, params.resourceGroup);
        }
        return { status: 200, body: tagsJson(existing) };
    });
    table.add('tags.updateAtScope', 'PATCH', `${one}/providers/Microsoft.Resources/tags/default`, (request, params) => {
        const { existing } = find(params);
        if (!existing) {
            throw notFound('snapshots', params.snapshot, params.resourceGroup);
        }
        const input = (request.body ?? {}) as Json;
        const given = ((input.properties ?? {}) as Json).tags;
        if (!given || typeof given !== 'object' || Array.isArray(given)) {
            throw armError(
                400,
                'InvalidRequestContent',
                "The request content was invalid and could not be deserialized: 'properties.tags' is required.",
            );
        }
        const tags = { ...(existing.tags ?? {}) };
        const named = (name: string): string | undefined => Object.keys(tags).find((k) => k.toLowerCase() === name.toLowerCase());
        switch (input.operation) {
            case 'Merge':
                for (const [name, value] of Object.entries(given as Record<string, string>)) {
                    tags[named(name) ?? name] = value;
                }
                break;
            case 'Replace':
                for (const name of Object.keys(tags)) {
                    delete tags[name];
                }
                Object.assign(tags, given);
                break;
            case 'Delete':
                for (const [name, value] of Object.entries(given as Record<string, string>)) {
                    const found = named(name);
                    if (found !== undefined && (value === '' || tags[found] === value)) {
                        delete tags[found];
                    }
                }
                break;
            default:
                throw armError(
                    400,
                    'InvalidTagPatchOperation',
                    `The tag patch operation '${String(input.operation)}' is not valid. Valid operations are Merge, Replace and Delete.`,
                );
        }
        assertTags(tags);
        existing.tags = tags;
        existing.systemData.lastModifiedAt = new Date().toISOString();
        existing.eTag = newETag();
        return { status: 200, body: tagsJson(existing) };
    });
    table.add('snapshots.put', 'PUT', one, (request, params) => {
        const state = context.state();
        const { k, existing, sub, rg } = find(params);
        const name = params.snapshot;
        assertSnapshotName(name);
        conditions(request, existing, `snapshot '${name}'`);
        const input = (request.body ?? {}) as Json;
        assertTags(input.tags);
        const location = input.location;
        if (typeof location !== 'string' || !location) {
            throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
        }
        const props = (input.properties ?? {}) as Json;
        const sourceId = (props.creationData as Json | undefined)?.sourceResourceId;
        if (typeof sourceId !== 'string') {
            throw aksError(
                400,
                'InvalidParameter',
                'The value of parameter creationData.sourceResourceId is required.',
                'creationData.sourceResourceId',
            );
        }
        const source = state.findPool(sourceId);
        if (!source) {
            throw aksError(400, 'InvalidParameter', `The source agent pool '${sourceId}' was not found.`, 'creationData.sourceResourceId');
        }
        assertSnapshotSource(source.pool, source.cluster.location, location);
        const p = source.pool.properties;
        const now = new Date().toISOString();
        const record: SnapshotRecord = {
            subscriptionId: sub,
            resourceGroup: rg,
            name,
            location,
            tags: input.tags as Record<string, string> | undefined,
            systemData: existing?.systemData ?? {
                createdBy: CLIENT_ID,
                createdByType: 'Application',
                createdAt: now,
                lastModifiedBy: CLIENT_ID,
                lastModifiedByType: 'Application',
                lastModifiedAt: now,
            },
            properties: {
                creationData: { sourceResourceId: sourceId },
                snapshotType: 'NodePool',
                kubernetesVersion: p.currentOrchestratorVersion ?? p.orchestratorVersion,
                nodeImageVersion: p.nodeImageVersion,
                osType: p.osType,
                osSku: p.osSKU,
                vmSize: p.vmSize,
                enableFIPS: p.enableFIPS ?? false,
            },
            eTag: newETag(),
        };
        state.snapshots.set(k, record);
        // Real AKS answers 200 to a snapshot create (the Azure CLI's recordings).
        return { status: 200, body: snapshotJson(record), headers: etag(record) };
    });
}

function tagsJson(s: SnapshotRecord): Json {
    return {
        id: `${snapshotId(s)}/providers/Microsoft.Resources/tags/default`,
        name: 'default',
        type: 'Microsoft.Resources/tags',
        properties: { tags: { ...(s.tags ?? {}) } },
    };
}
