/**
 * Driving the case page as a person does: open an event's generated form, fill it, submit it and
 * wait for the timeline; pick options by their visible text; read the file's state.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** `YYYY-MM-DDTHH:MM` for a datetime-local input, in the browser's (the court's) time zone. */
export function localInput(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Hebron',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** 10:00 on the n-th working day (Sunday to Thursday) from today. */
export function workingDayAt10(daysAhead: number): string {
  const day = new Date();
  let remaining = daysAhead;
  while (remaining > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 5 && weekday !== 6) remaining -= 1;
  }
  return `${localInput(day).slice(0, 10)}T10:00`;
}

/** Opens an event's form on the case page and returns it. */
export async function openEvent(page: Page, event: string): Promise<Locator> {
  await page.getByTestId(`event-button-${event}`).click();
  const form = page.getByTestId('event-form');
  await form.waitFor();
  return form;
}

export async function submitEvent(page: Page, form: Locator, event: string): Promise<void> {
  await form.getByTestId('event-submit').click();
  // Either the form closes (recorded) or it shows why not: report that, not a bare timeout.
  const refusal = form.getByRole('alert');
  await Promise.race([form.waitFor({ state: 'detached' }), refusal.first().waitFor()]);
  if ((await form.count()) > 0 && (await refusal.count()) > 0) {
    throw new Error(`${event} was refused: ${(await refusal.allTextContents()).join(' | ')}`);
  }
  await form.waitFor({ state: 'detached' });
  await page.getByTestId(`timeline-event-${event}`).first().waitFor();
}

/** Picks the option of a native select whose visible text contains `text` (once it is loaded). */
export async function selectContaining(select: Locator, text: string): Promise<void> {
  let labels: string[] = [];
  await expect
    .poll(async () => {
      labels = await select.locator('option').allTextContents();
      return labels.some((l) => l.includes(text));
    })
    .toBe(true);
  const label = labels.find((l) => l.includes(text)) ?? '';
  await select.selectOption({ label });
}

export async function expectState(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.getByTestId('case-state').textContent()).toBe(label);
}

/** Types into a searchable select, clicks the option whose text contains `text`, and checks it. */
export async function chooseSearchable(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  const option = page.getByRole('option', { name: new RegExp(text) }).first();
  await option.waitFor();
  // Let the dropdown's opening transition settle, or the click can land on a moving list.
  await expect
    .poll(async () => (await option.boundingBox())?.y)
    .toBe((await option.boundingBox())?.y);
  await option.click();
  await expect.poll(() => input.inputValue()).toContain(text);
}
