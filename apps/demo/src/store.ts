/** A value that changes over time and tells its subscribers; the page's one source of truth. */
export interface Store<T> {
  get(): T;
  /** Merges the fields `change` returns into the state and notifies every subscriber once. */
  update(change: (state: T) => Partial<T>): void;
  /** Calls `listener` after every update; returns the function that unsubscribes it. */
  subscribe(listener: (state: T) => void): () => void;
}

/** Creates a store holding `initial`. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T) => void>();
  return {
    get: () => state,
    update(change) {
      state = { ...state, ...change(state) };
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
