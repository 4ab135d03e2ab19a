/** Reads Azure for each item, at most `atOnce` at a time (lists can be long: pools of a fleet, regions), in order. */
export async function inTurns<T, R>(items: readonly T[], atOnce: number, read: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(atOnce, items.length) }, async () => {
            for (let i = next++; i < items.length; i = next++) {
                results[i] = await read(items[i]);
            }
        }),
    );
    return results;
}
