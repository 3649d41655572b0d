// Preloaded into the gateway's process by the soak (`node --expose-gc --import …/soak-probe.ts`),
// never part of the package: answers the soak's IPC questions about memory, after a full GC when asked,
// so that retained memory is measured rather than garbage not yet collected.
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (message: { type?: string; gc?: boolean }) => {
  if (message?.type !== "memory") return;
  if (message.gc) gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ type: "memory", rss, heapUsed, heapTotal, external, arrayBuffers });
});
// The IPC channel must not keep the server alive after it closed on SIGTERM.
process.channel?.unref();
