import { contextValueExperience, IActionContext } from '@microsoft/vscode-azext-utils';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../tree/AksTreeElement';

/** From the palette a command has no node: ask for one with quick picks over the same tree. */
export async function pickTreeElement<T extends AksTreeElement>(context: IActionContext, tree: AksTreeDataProvider, contextValues: string[], node?: T): Promise<T> {
    return node ?? await contextValueExperience<T>(context, tree, { include: contextValues.map((value) => new RegExp(`(^|;)${value}(;|$)`)) });
}
