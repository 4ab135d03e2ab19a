import { registerCommand } from '@microsoft/vscode-azext-utils';
import type { AksServices } from '../azure/AksServices';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../tree/AksTreeElement';
import { copyResourceId } from './copyResourceId/copyResourceId';
import { refresh } from './refresh/refresh';
import { showProperties } from './showProperties/showProperties';
import { signIn } from './signIn/signIn';

/** Every command of the product, registered in one place. */
export function registerCommands(services: AksServices, tree: AksTreeDataProvider): void {
    // Account and view
    registerCommand('aksSnapshots.signIn', (context) => signIn(context, services, tree));
    registerCommand('aksSnapshots.refresh', (context, node?: AksTreeElement) => refresh(context, tree, node));

    // Any resource
    registerCommand('aksSnapshots.copyResourceId', (context, node?: AksTreeElement) => copyResourceId(context, tree, node));
    registerCommand('aksSnapshots.showProperties', (context, node?: AksTreeElement) => showProperties(context, services, tree, node));
}
