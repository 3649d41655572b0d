/**
 * A fetch over several fake endpoints (by host) that holds the answers of the hosts in `held` until
 * `release()`; it ignores abort signals on purpose, like a server whose answer arrives anyway.
 */
export function network(hosts: Record<string, typeof fetch>, held: string[] = []) {
  const waiting: Array<() => void> = [];
  const signals: AbortSignal[] = [];
  const calls: string[] = [];
  const through = async (input: string, init: RequestInit) => {
    const url = new URL(input, location.href);
    calls.push(url.host);
    if (init.signal) signals.push(init.signal);
    if (held.includes(url.host)) await new Promise<void>((r) => waiting.push(r));
    return hosts[url.host]!(input, init);
  };
  const release = async () => {
    for (const go of waiting.splice(0)) go();
    // Let the released answers travel through fetch, JSON and the element's promise chain.
    await new Promise((r) => setTimeout(r, 50));
  };
  return { fetch: through, release, signals, calls, pending: () => waiting.length };
}
