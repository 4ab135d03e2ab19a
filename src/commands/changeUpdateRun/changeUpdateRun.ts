import { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { UpdateRunChange } from '../../azure/AksService';
import { ext } from '../../extensionVariables';
import { isUpdateEnded, UpdateRun, updateRunActions } from '../../model/fleet';
import { updateStateWords, UpdateRunItem } from '../../tree/FleetItem';
import { pickTreeElement } from '../pickTreeElement';
import type { RolloutServices } from '../rollOutSnapshot/rollOutSnapshot';
import { followUpdateRun } from '../runInFleet/runInFleet';

type FleetServices = Pick<RolloutServices, 'services' | 'tree' | 'documents'>;
type SkipTarget = Extract<UpdateRunChange, { kind: 'skip' }>['targets'][number];

/** Right-click an update run → Follow Update Run: its status as Fleet reports it, in a document and the tree, until it ends. */
export async function followRun(context: IActionContext, f: FleetServices, node?: UpdateRunItem): Promise<UpdateRun> {
    const item = await pickRun(context, f, node, vscode.l10n.t('Follow Update Run: the update run to follow'), () => true);
    const service = await f.services.forSubscription(item.parent.fleet.subscriptionId);
    return followUpdateRun(f, await service.getUpdateRun(item.run.id), item.parent.fleet);
}

/** Right-click an update run → Start Update Run…: confirmed, sent only to the run as read (If-Match), then followed. */
export async function startRun(context: IActionContext, f: FleetServices, node?: UpdateRunItem): Promise<UpdateRun> {
    const item = await pickRun(
        context,
        f,
        node,
        vscode.l10n.t('Start Update Run: the update run to start'),
        (r) => updateRunActions(r.state).start,
    );
    const started = await change(context, f, item, { kind: 'start' }, (run) =>
        vscode.l10n.t(
            'Start update run "{0}" in fleet "{1}"? Fleet updates its members stage by stage, on Azure\'s side.',
            run.name,
            item.parent.fleet.name,
        ),
    );
    return followUpdateRun(f, started, item.parent.fleet);
}

/** Right-click an update run → Stop Update Run…: the member being updated finishes; nothing after it starts. */
export async function stopRun(context: IActionContext, f: FleetServices, node?: UpdateRunItem): Promise<UpdateRun> {
    const item = await pickRun(
        context,
        f,
        node,
        vscode.l10n.t('Stop Update Run: the update run to stop'),
        (r) => updateRunActions(r.state).stop,
    );
    return change(context, f, item, { kind: 'stop' }, (run) =>
        vscode.l10n.t('Stop update run "{0}"? The members being updated finish; no other starts until the run is started again.', run.name),
    );
}

/** Right-click an update run → Skip…: stages, groups, members or a stage's wait, chosen among those not ended. */
export async function skipInRun(context: IActionContext, f: FleetServices, node?: UpdateRunItem): Promise<UpdateRun> {
    const item = await pickRun(
        context,
        f,
        node,
        vscode.l10n.t('Skip: the update run to skip part of'),
        (r) => updateRunActions(r.state).skip,
    );
    const service = await f.services.forSubscription(item.parent.fleet.subscriptionId);
    const run = await service.getUpdateRun(item.run.id);
    const rows: IAzureQuickPickItem<SkipTarget>[] = run.stages.flatMap((stage) => [
        ...(!isUpdateEnded(stage.state)
            ? [
                  {
                      label: vscode.l10n.t('Stage {0}', stage.name),
                      description: updateStateWords(stage.state),
                      data: { type: 'Stage', name: stage.name } as SkipTarget,
                  },
              ]
            : []),
        ...stage.groups
            .filter((g) => !isUpdateEnded(g.state))
            .map((g) => ({
                label: `  ${vscode.l10n.t('Group {0}', g.name)}`,
                description: updateStateWords(g.state),
                data: { type: 'Group', name: g.name } as SkipTarget,
            })),
        ...stage.groups.flatMap((g) =>
            g.members
                .filter((m) => !isUpdateEnded(m.state))
                .map((m) => ({
                    label: `    ${vscode.l10n.t('Member {0}', m.name)}`,
                    description: updateStateWords(m.state),
                    data: { type: 'Member', name: m.name } as SkipTarget,
                })),
        ),
        ...(run.strategy.find((s) => s.name === stage.name)?.afterStageWaitInSeconds && (!stage.wait || !isUpdateEnded(stage.wait.state))
            ? [
                  {
                      label: `  ${vscode.l10n.t('The wait after stage {0}', stage.name)}`,
                      description: updateStateWords(stage.wait?.state ?? 'NotStarted'),
                      data: { type: 'AfterStageWait', name: stage.name } as SkipTarget,
                  },
              ]
            : []),
    ]);
    const picked = await context.ui.showQuickPick(rows, {
        placeHolder: vscode.l10n.t('What Fleet should skip in update run "{0}"', run.name),
        canPickMany: true,
        stepName: 'skipTargets',
        suppressPersistence: true,
        noPicksMessage: vscode.l10n.t('Nothing is left to skip in update run "{0}".', run.name),
    });
    const targets = picked.map((p) => p.data);
    return change(
        context,
        f,
        item,
        { kind: 'skip', targets },
        () =>
            vscode.l10n.t(
                'Skip {0} in update run "{1}"? What is skipped is not updated by this run.',
                picked.map((p) => p.label.trim()).join(', '),
                run.name,
            ),
        run,
    );
}

async function pickRun(
    context: IActionContext,
    f: FleetServices,
    node: UpdateRunItem | undefined,
    placeHolder: string,
    applies: (run: UpdateRun) => boolean,
): Promise<UpdateRunItem> {
    const item = await pickTreeElement(context, f.tree, [UpdateRunItem.contextValue], node, placeHolder);
    if (!applies(item.run)) {
        throw new Error(
            vscode.l10n.t('Update run "{0}" is {1}: Fleet does not take this action now.', item.run.name, updateStateWords(item.run.state)),
        );
    }
    return item;
}

/** One change to a run: read again, confirmed on what was read, sent with its eTag; the tree then shows the run as Fleet has it. */
async function change(
    context: IActionContext,
    f: FleetServices,
    item: UpdateRunItem,
    what: UpdateRunChange,
    question: (run: UpdateRun) => string,
    read?: UpdateRun,
): Promise<UpdateRun> {
    const fleet = item.parent.fleet;
    const service = await f.services.forSubscription(fleet.subscriptionId);
    // A skip was chosen from the run as read for its list; start and stop read it now.
    const run = read ?? (await service.getUpdateRun(item.run.id));
    const confirm: vscode.MessageItem = {
        title: what.kind === 'start' ? vscode.l10n.t('Start') : what.kind === 'stop' ? vscode.l10n.t('Stop') : vscode.l10n.t('Skip'),
    };
    await context.ui.showWarningMessage(question(run), { modal: true, stepName: `confirm-${what.kind}` }, confirm);
    const changed = await service.changeUpdateRun(run, what);
    ext.outputChannel.appendLog(
        vscode.l10n.t(
            'Update run "{0}" in fleet "{1}": {2} sent; it is now {3}.',
            run.name,
            fleet.name,
            confirm.title,
            updateStateWords(changed.state),
        ),
    );
    await f.tree.refreshSubscription(fleet.subscriptionId);
    return changed;
}
