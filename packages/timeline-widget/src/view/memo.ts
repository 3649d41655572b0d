/**
 * Remembers the last call: the same arguments (by identity) give the same result without work. A view
 * is computed on every update; most updates (opening an event, a focus, a language switch) leave its
 * inputs as they were.
 */
export function memoLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let result: R;
  return (...args: A) => {
    if (!last || args.length !== last.length || args.some((a, i) => a !== last![i])) {
      result = compute(...args);
      last = args;
    }
    return result;
  };
}
