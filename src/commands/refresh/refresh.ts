import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../../tree/AksTreeElement';

/** Refreshes one element (from its context menu or an error item) or, from the view title, everything. */
export function refresh(_context: IActionContext, tree: AksTreeDataProvider, node?: AksTreeElement): void {
    tree.refresh(node);
}
