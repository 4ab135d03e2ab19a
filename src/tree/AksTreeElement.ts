import type { TreeElementBase } from '@microsoft/vscode-azext-utils';

/** A node of the AKS tree: its ARM id (or a derived one) as `id`, its parent for `reveal`. */
export interface AksTreeElement extends TreeElementBase {
    readonly id: string;
    readonly parent?: AksTreeElement;
    /** Drops what the element has loaded, so the next `getChildren` reads Azure again. */
    invalidate?(): void;
}
