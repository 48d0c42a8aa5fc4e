const patched = Symbol.for('tradepost.abortReasonStacks');

/**
 * Every page render ends with React aborting its cache signal with an `Error`
 * ("This render completed successfully…") that nobody reads. V8 keeps an
 * unread error's stack as call-site records that hold the functions of every
 * frame, and through them the finished render: its request store, its
 * response, and the timers queued beside it, which hold other renders in turn.
 * Under load the server kept some 600 finished requests alive this way
 * (heap snapshots of `next start`: 599 `ServerResponse` after 600 For Sale
 * views, heap 64 → 121 MB, and RSS past 1 GB as the old generation grew).
 * Reading the reason's `stack` when it is given to `abort()` turns the records
 * into a string and lets the render go. The same fix is proposed upstream
 * (react#37289, next.js#96279); remove this once React aborts with a string.
 */
export function releaseAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [patched]?: true };
  if (proto[patched]) return;
  const abort = proto.abort;
  proto.abort = function abortWithReadStack(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
  proto[patched] = true;
}
