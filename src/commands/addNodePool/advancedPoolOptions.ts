import * as vscode from 'vscode';
import { parseSpotMaxPrice, PoolFacts, PoolOptions, POOL_OPTIONS, zonesOffered } from '../../model/poolOptions';
import { AdvancedOption, declaredOption } from '../common/advancedOptions';
import { describeProblem } from '../../messages/describeProblem';
import { poolOptionWords, wordsOf, ZonesAsked } from '../../messages/optionWords';
import type { AddNodePoolContext } from './AddNodePoolContext';

type Options = { -readonly [K in keyof PoolOptions]: PoolOptions[K] };

const options = (context: AddNodePoolContext): Options => (context.poolOptions ??= {});

/** What an option's check and question know of the pool: its mode and count, and the zones its size offers (all three when unread). */
function poolFacts(context: AddNodePoolContext): PoolFacts & ZonesAsked {
    return {
        mode: context.mode ?? 'User',
        count: context.nodeCount,
        ...zonesOffered(context.regionSizes?.sizes, context.vmSize),
        vmSize: context.vmSize,
        location: context.cluster?.location,
    };
}

/**
 * What Add Node Pool offers under "Advanced options…": every option of `POOL_OPTIONS`, asked as its descriptor says,
 * in its words.
 */
export function advancedPoolOptions(): AdvancedOption<AddNodePoolContext>[] {
    const words = poolOptionWords();
    return POOL_OPTIONS.map((descriptor) =>
        declaredOption<AddNodePoolContext, PoolFacts>(
            descriptor,
            wordsOf(descriptor, words),
            {
                get: (c) => options(c)[descriptor.id],
                set: (c, value) => void (options(c)[descriptor.id] = value),
                facts: poolFacts,
            },
            OWN_QUESTIONS,
        ),
    );
}

/** The options asked by questions of their own, by id. */
const OWN_QUESTIONS: Readonly<Record<string, (context: AddNodePoolContext) => Promise<void>>> = { spot: askSpot };

/** Spot's two questions: the priority (and what eviction does), then the price. */
async function askSpot(c: AddNodePoolContext): Promise<void> {
    const policy = (
        await c.ui.showQuickPick(
            [
                { label: vscode.l10n.t('Regular'), description: vscode.l10n.t('AKS default: nodes are not evicted'), data: undefined },
                { label: vscode.l10n.t('Spot, evicted nodes deleted'), description: 'Delete', data: 'Delete' as const },
                { label: vscode.l10n.t('Spot, evicted nodes deallocated'), description: 'Deallocate', data: 'Deallocate' as const },
            ],
            {
                placeHolder: vscode.l10n.t("Priority of the pool's VMs (Spot pools are User pools)"),
                stepName: 'option-spot',
                suppressPersistence: true,
            },
        )
    ).data;
    if (!policy) {
        options(c).spot = undefined;
        return;
    }
    const price = await c.ui.showInputBox({
        prompt: vscode.l10n.t('Maximum price per hour in US dollars, or -1 to pay up to the on-demand price.'),
        value: '-1',
        stepName: 'option-spotPrice',
        validateInput: (v) => {
            const parsed = parseSpotMaxPrice(v);
            return 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
        },
    });
    const parsed = parseSpotMaxPrice(price);
    options(c).spot = { evictionPolicy: policy, maxPrice: 'value' in parsed ? parsed.value : -1 };
}
