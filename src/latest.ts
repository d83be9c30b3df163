/**
 * Runs an async load each time it is called and hands on only the newest call's result: loads
 * overlap while a save changes several stored items in turn, and one that started earlier can
 * finish later, which would put back what was stored before the save.
 */
export function latestOnly<T>(load: () => Promise<T>, deliver: (value: T) => void, fail: (error: unknown) => void = () => {}): () => void {
  let newest = 0;
  return () => {
    const call = ++newest;
    load().then(
      (value) => {
        if (call === newest) deliver(value);
      },
      (error: unknown) => {
        if (call === newest) fail(error);
      },
    );
  };
}
