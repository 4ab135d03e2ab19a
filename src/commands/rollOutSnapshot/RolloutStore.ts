import type * as vscode from 'vscode';
import { isFinished, RolloutState } from '../../model/rollout';

const KEY = 'aksSnapshots.rollouts';
/** Finished roll-outs kept for their summary. */
const KEEP_FINISHED = 10;

/** Roll-outs as they stand, kept in VS Code's global state so that a reload or restart finds them. */
export class RolloutStore {
    constructor(private readonly memento: vscode.Memento) {}

    all(): RolloutState[] {
        return this.memento.get<RolloutState[]>(KEY, []);
    }

    unfinished(): RolloutState[] {
        return this.all().filter((s) => !isFinished(s));
    }

    find(id: string): RolloutState | undefined {
        return this.all().find((s) => s.plan.id === id);
    }

    async save(state: RolloutState): Promise<void> {
        const others = this.all().filter((s) => s.plan.id !== state.plan.id);
        const finished = others.filter(isFinished).slice(-KEEP_FINISHED);
        await this.memento.update(KEY, [...others.filter((s) => !isFinished(s)), ...finished, state]);
    }
}
