import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { TenantToSignIn } from '../../azure/VSCodeSignIn';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';

/**
 * Signs in to a tenant that needs a sign-in of its own (multi-factor, a guest directory): from its tree item, or
 * chosen from those the account lists. VS Code asks the person; the tree then lists the tenant's subscriptions.
 */
export async function signInToTenant(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    tenantId?: string,
    accountLabel?: string,
): Promise<void> {
    const waiting = await services.tenantsToSignIn();
    const tenant = tenantId
        ? waiting.find((t) => t.tenantId === tenantId && (!accountLabel || t.account.label === accountLabel))
        : await pickTenant(context, waiting);
    if (!tenant) {
        void vscode.window.showInformationMessage(
            tenantId
                ? vscode.l10n.t('Tenant {0} needs no sign-in: its subscriptions are listed already.', tenantId)
                : vscode.l10n.t('Every tenant your accounts belong to is signed in.'),
        );
        return;
    }
    if (await services.account.signInWithVSCode(tenant.tenantId, tenant.account)) {
        tree.refresh();
    }
}

async function pickTenant(context: IActionContext, waiting: readonly TenantToSignIn[]): Promise<TenantToSignIn | undefined> {
    if (waiting.length === 0) {
        return undefined;
    }
    const accounts = new Set(waiting.map((t) => t.account.label));
    const picked = await context.ui.showQuickPick(
        waiting.map((tenant) => ({
            label: tenant.name,
            description: accounts.size > 1 ? `${tenant.tenantId} · ${tenant.account.label}` : tenant.tenantId,
            detail: tenant.defaultDomain,
            data: tenant,
        })),
        {
            placeHolder: vscode.l10n.t('Select a tenant (directory) to sign in to'),
            stepName: 'tenant',
            matchOnDescription: true,
            suppressPersistence: true,
        },
    );
    return picked.data;
}
