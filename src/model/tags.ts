import type { Problem } from './problems';

/**
 * Azure's tag limits (Azure Resource Manager, "Tag resources"): at most 50 tags on a resource; a name at most
 * 512 characters without `<`, `>`, `%`, `&`, `\`, `?` or `/`; a value at most 256 characters. Names compare
 * case-insensitively.
 */
export const MAX_TAGS = 50;
export const MAX_TAG_NAME = 512;
export const MAX_TAG_VALUE = 256;

/**
 * One change to a resource's tags: what the person meant, applied to whatever the tags are when it is sent.
 * `was` is the value the person saw: a tag someone else changed meanwhile is not theirs to change or remove.
 */
export type TagChange =
    | { readonly kind: 'add'; readonly key: string; readonly value: string }
    | { readonly kind: 'change'; readonly key: string; readonly value: string; readonly was: string }
    | { readonly kind: 'remove'; readonly key: string; readonly was: string };

const FORBIDDEN = /[<>%&\\?/]/;

function findKey(tags: Readonly<Record<string, string>>, key: string): string | undefined {
    return Object.keys(tags).find((k) => k.toLowerCase() === key.toLowerCase());
}

/** Why a new tag name cannot be added to these tags. */
export function tagNameProblems(key: string, tags: Readonly<Record<string, string>>): Problem[] {
    if (!key.trim() || key.length > MAX_TAG_NAME || FORBIDDEN.test(key) || /[\u0000-\u001f]/.test(key)) {
        return [{ code: 'tagName', rule: 'tags', name: key }];
    }
    if (key.startsWith('-')) {
        // Azure takes it, but `az … --tags -x=1` reads the pair as an option: the az line could not be run.
        return [{ code: 'tagNameDash', rule: 'tags', name: key }];
    }
    if (findKey(tags, key) !== undefined) {
        return [{ code: 'tagNameTaken', rule: 'tags', name: key }];
    }
    return Object.keys(tags).length >= MAX_TAGS ? [{ code: 'tooManyTags', rule: 'tags', max: MAX_TAGS }] : [];
}

export function tagValueProblems(value: string): Problem[] {
    return value.length > MAX_TAG_VALUE || /[\u0000-\u001f]/.test(value) ? [{ code: 'tagValue', rule: 'tags', value }] : [];
}

/**
 * The tags after one change, keeping every other tag as it is now. Undefined when the change no longer applies
 * to these tags (the tag to change or remove is gone or has another value, or the tag to add now exists): the
 * person decides again.
 */
export function applyTagChange(tags: Readonly<Record<string, string>>, change: TagChange): Record<string, string> | undefined {
    const existing = findKey(tags, change.key);
    const next = { ...tags };
    switch (change.kind) {
        case 'add':
            if (existing !== undefined || Object.keys(tags).length >= MAX_TAGS) {
                return undefined;
            }
            next[change.key] = change.value;
            return next;
        case 'change':
            if (existing === undefined || tags[existing] !== change.was) {
                return undefined;
            }
            next[existing] = change.value;
            return next;
        case 'remove':
            if (existing === undefined || tags[existing] !== change.was) {
                return undefined;
            }
            delete next[existing];
            return next;
    }
}

/**
 * The change as ARM's Tags API takes it (learn.microsoft.com/rest/api/resources/tags/updateatscope): one tag to
 * `Merge`, or one name and the value the person saw to `Delete` (ARM deletes a name/value pair only while the
 * value is that one). ARM applies it to the tags as they are then: no other tag is sent, so none can be lost.
 */
export function tagPatch(
    tags: Readonly<Record<string, string>>,
    change: TagChange,
): { operation: 'Merge' | 'Delete'; tags: Record<string, string> } {
    const key = findKey(tags, change.key) ?? change.key;
    return change.kind === 'remove'
        ? { operation: 'Delete', tags: { [key]: change.was } }
        : { operation: 'Merge', tags: { [key]: change.value } };
}
