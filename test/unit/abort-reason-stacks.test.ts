import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { releaseAbortReasonStacks } from '@/lib/lifecycle/abort-reason-stacks';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Aborts a controller with an Error made inside a function that closes over a
 * large object (as React aborts its cache signal at the end of a render), and
 * returns the controller, kept, and a weak reference to the object.
 */
function abortInsideAFrame() {
  const render = { html: 'x'.repeat(1_000_000) };
  const controller = new AbortController();
  const frame = () => {
    controller.abort(new Error('This render completed successfully.'));
    return render.html.length;
  };
  frame();
  return { controller, render: new WeakRef(render) };
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  // A WeakRef keeps its target until the current job ends.
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return ref.deref() === undefined;
}

describe('abort reasons do not keep the frames that made them', () => {
  it('without the fix an unread reason keeps its frames alive, with it they are collected', async () => {
    const before = abortInsideAFrame();
    expect(await collected(before.render)).toBe(false);
    expect(before.controller.signal.aborted).toBe(true);

    releaseAbortReasonStacks();
    const after = abortInsideAFrame();
    expect(await collected(after.render)).toBe(true);
    // The reason is the same Error, with its stack.
    expect(after.controller.signal.reason).toBeInstanceOf(Error);
    expect((after.controller.signal.reason as Error).stack).toContain('abortInsideAFrame');
  });

  it('leaves reasons that are not errors, and a second install, alone', () => {
    releaseAbortReasonStacks();
    const controller = new AbortController();
    controller.abort('done');
    expect(controller.signal.reason).toBe('done');
    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
  });
});
