import { expect, type Download, type Locator, type Page } from '@playwright/test';

type Files = Parameters<Locator['setInputFiles']>[0];

/**
 * The few things a journey step does to a control, written once and run two
 * ways: with the pointer (Playwright's click, fill, check) or by keyboard
 * alone. The keyboard driver never clicks and never calls `focus()`: it
 * presses Tab (then Shift+Tab) until the control has focus, failing after
 * `maxPresses`, and then types, or presses Enter or Space. Arrow keys move
 * within a radio group and through a select's options, as a keyboard user
 * does.
 */
export type Driver = {
  kind: 'pointer' | 'keyboard';
  page: Page;
  /** A button or a link: click it, or reach it and press Enter. */
  activate(target: Locator): Promise<void>;
  /** A text field: replaces its value. */
  fill(target: Locator, text: string): Promise<void>;
  /** A checkbox or radio button: leaves it checked. */
  check(target: Locator): Promise<void>;
  /** A select: chooses the option with this label. */
  select(target: Locator, label: string): Promise<void>;
  /** A link that downloads a file. */
  download(target: Locator): Promise<Download>;
  /**
   * A file input: the pointer sets its files; the keyboard reaches it, presses
   * Space to open the file picker and answers the picker (Playwright's
   * `filechooser` event stands in for the operating system's dialog).
   */
  upload(target: Locator, files: Files): Promise<void>;
  /**
   * A colour input: the keyboard reaches it by Tab; the value is then set as
   * the browser's own colour dialog would (that dialog is outside the page,
   * as the file picker is, and headless Chromium shows none).
   */
  pickColor(target: Locator, value: string): Promise<void>;
  /** Keys pressed so far (0 for the pointer). */
  presses(): number;
};

/**
 * A control is ready once React has hydrated it: before that a click or an
 * Enter can land on a form that submits natively (the trap `clickUntil` works
 * around in other specs). React keeps its fiber on every element it hydrated.
 */
async function hydrated(target: Locator) {
  await expect(target).toBeVisible();
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber'))), {
      message: 'the control is hydrated',
    })
    .toBe(true);
}

export function pointerDriver(page: Page): Driver {
  return {
    kind: 'pointer',
    page,
    async activate(target) {
      await hydrated(target);
      await target.click();
    },
    async fill(target, text) {
      await hydrated(target);
      await target.fill(text);
    },
    async check(target) {
      await hydrated(target);
      await target.check();
    },
    async select(target, label) {
      await hydrated(target);
      await target.selectOption({ label });
    },
    async download(target) {
      await hydrated(target);
      const [download] = await Promise.all([page.waitForEvent('download'), target.click()]);
      return download;
    },
    async upload(target, files) {
      await hydrated(target);
      await target.setInputFiles(files);
    },
    async pickColor(target, value) {
      await hydrated(target);
      await target.fill(value);
    },
    presses: () => 0,
  };
}

type FocusState = 'focused' | 'radio of the same group' | 'elsewhere';

export function keyboardDriver(page: Page, { maxPresses = 120 } = {}): Driver {
  let pressed = 0;
  const press = (key: string) => {
    pressed++;
    return page.keyboard.press(key);
  };
  /** Tab until the target has focus; Shift+Tab the other way round when Tab did not reach it. */
  async function reach(target: Locator) {
    await hydrated(target);
    const where = () =>
      target.evaluate((el): FocusState => {
        const active = document.activeElement;
        if (active === el) return 'focused';
        const radio = (node: Element | null): node is HTMLInputElement => node instanceof HTMLInputElement && node.type === 'radio';
        return radio(el) && radio(active) && active.name === el.name && active.form === el.form ? 'radio of the same group' : 'elsewhere';
      });
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let presses = 0; presses < maxPresses; presses++) {
        const state = await where();
        if (state === 'focused') return;
        // Tab enters a radio group once; the arrows move (and check) within it.
        await press(state === 'radio of the same group' ? 'ArrowDown' : key);
      }
    }
    throw new Error(`${target} was not reached by Tab or Shift+Tab within ${maxPresses} presses each`);
  }

  return {
    kind: 'keyboard',
    page,
    async activate(target) {
      await reach(target);
      await press('Enter');
    },
    async fill(target, text) {
      await reach(target);
      await press('ControlOrMeta+A');
      await press('Delete');
      if (text) await page.keyboard.type(text);
      await expect(target).toHaveValue(text);
    },
    async check(target) {
      await reach(target);
      if (!(await target.isChecked())) await press('Space');
      await expect(target).toBeChecked();
    },
    async select(target, label) {
      await reach(target);
      const chosen = () => target.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.label.trim() ?? '');
      const count = await target.evaluate((el) => (el as HTMLSelectElement).options.length);
      for (const key of ['ArrowDown', 'ArrowUp']) {
        for (let i = 0; i <= count; i++) {
          if ((await chosen()) === label) return;
          await press(key);
        }
      }
      throw new Error(`${target} has no option "${label}" reachable with the arrow keys`);
    },
    async download(target) {
      await reach(target);
      const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
      return download;
    },
    async upload(target, files) {
      await reach(target);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press('Space')]);
      await chooser.setFiles(files);
    },
    async pickColor(target, value) {
      await reach(target);
      await target.fill(value);
      await expect(target).toHaveValue(value);
    },
    presses: () => pressed,
  };
}
