import type { Run } from '@df/browser';
import { html, type TemplateResult } from 'lit-html';
import { formatCount } from '../format';
import { numberOr } from '../lenientValues';

/** Done and failed samples against the requested total: a bar when the total is known, counts otherwise; "—" for counts the server did not send. */
export function progressBar(run: Run, requested: number | null | undefined, label: string): TemplateResult {
  const done = numberOr(run.samples_completed);
  const failed = numberOr(run.samples_failed);
  const doneText = done === undefined ? '—' : formatCount(done);
  const failedText =
    failed === undefined
      ? html`<span class="muted">failed —</span>`
      : failed > 0
        ? html`<span class="failed-count">${formatCount(failed)} failed</span>`
        : html`<span class="muted">none failed</span>`;
  if (typeof requested !== 'number') {
    return html`<div class="progress">
      <div class="bar bar--unknown" aria-hidden="true"></div>
      <span class="progress-text">${doneText} done</span><span class="progress-text">${failedText}</span>
    </div>`;
  }
  const total = Math.max(requested, (done ?? 0) + (failed ?? 0));
  const pct = (n: number | undefined) => `${total === 0 || n === undefined ? 0 : (100 * n) / total}%`;
  const valueText =
    done === undefined
      ? `${formatCount(requested)} samples requested, progress not reported`
      : `${formatCount(done)} of ${formatCount(requested)} samples done, ${failed === undefined ? 'failures not reported' : `${formatCount(failed)} failed`}`;
  return html`<div class="progress">
    <div
      class="bar"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax=${total}
      aria-valuenow=${(done ?? 0) + (failed ?? 0)}
      aria-valuetext=${valueText}
    >
      <span class="bar-done" style=${`width: ${pct(done)}`}></span><span class="bar-failed" style=${`width: ${pct(failed)}`}></span>
    </div>
    <span class="progress-text">${doneText} / ${formatCount(requested)}</span><span class="progress-text">${failedText}</span>
  </div>`;
}
