import { IActionContext, openReadOnlyJson } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId } from '../../model/armId';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../../tree/AksTreeElement';
import { RESOURCE_CONTEXT_VALUES } from '../copyResourceId/copyResourceId';
import { pickTreeElement } from '../pickTreeElement';

/** Opens the resource as ARM returns it, fresh, in a read-only JSON document. */
export async function showProperties(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    node?: AksTreeElement,
): Promise<void> {
    const element = await pickTreeElement(
        context,
        tree,
        RESOURCE_CONTEXT_VALUES,
        node,
        vscode.l10n.t('Show Properties: the cluster, node pool or snapshot'),
    );
    const id = parseArmId(element.id);
    if (!id) {
        throw new Error(`"${element.id}" is not an Azure resource ID.`);
    }
    const service = await services.forSubscription(id.subscriptionId);
    const json = await service.getResourceJson(element.id);
    await openReadOnlyJson({ label: id.agentPool ?? id.name, fullId: element.id }, json as object);
}
