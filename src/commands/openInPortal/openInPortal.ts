import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId } from '../../model/armId';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../../tree/AksTreeElement';
import { RESOURCE_CONTEXT_VALUES } from '../copyResourceId/copyResourceId';
import { pickTreeElement } from '../pickTreeElement';

/** The resource's page in the portal of the signed-in cloud. */
export async function portalUrl(services: AksServices, resourceId: string): Promise<string> {
    const subscriptionId = parseArmId(resourceId)?.subscriptionId ?? '';
    const { session } = await services.forSubscription(subscriptionId);
    return `${session.cloud.portalUrl}/#@${session.subscription.tenantId}/resource${resourceId}`;
}

export async function openInPortal(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    node?: AksTreeElement,
): Promise<string> {
    const element = await pickTreeElement(
        context,
        tree,
        RESOURCE_CONTEXT_VALUES,
        node,
        vscode.l10n.t('Open in Portal: the cluster, node pool or snapshot to open'),
    );
    const url = await portalUrl(services, element.id);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
}
