import {
  isEvaluationSuccess,
  isTerminalEvaluationStatus,
  type DistributionAnalysis,
  type Evaluation,
  type EvaluationSummary,
} from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { describeError } from '../describeError';
import { formatExact, shortId } from '../format';
import { numberOr, textOr } from '../lenientValues';
import type { AppState } from '../state';
import type { ViewActions } from '../views/ViewActions';
import { relativeTime } from '../views/relativeTime';
import { statusBadge } from '../views/statusBadge';
import { NO_EVALUATIONS } from './evaluationsState';

/** What "Evaluate" asks before it starts one: an evaluation is scored by a model, and may cost money. */
export function evaluateQuestion(runId: string) {
  return {
    title: `Evaluate run ${shortId(runId)}?`,
    text: 'A model reads the samples and scores how closely they follow the spec, from 0 to 100. An evaluation may cost money, like a run; it takes a few minutes.',
    keep: 'Not now',
    act: 'Evaluate',
  };
}

/** A percentage as the analysis gives it, to one decimal at most. */
function percent(value: unknown): string {
  const n = numberOr(value);
  return n === undefined ? '—' : `${Math.round(n * 10) / 10}%`;
}

/** One property's shares: each value asked for or found, requested against evaluated (either shape the docs show). */
function distribution(entry: DistributionAnalysis, index: number, evaluationId: string): TemplateResult {
  const requested = entry.requested_distributions ?? entry.expected_distributions ?? {};
  const evaluated = entry.evaluated_distributions ?? entry.observed_distributions ?? {};
  const values = [...new Set([...Object.keys(requested), ...Object.keys(evaluated)])];
  const name = textOr(entry.property_name) ?? `Property ${index + 1}`;
  const total = numberOr(entry.total_samples_analyzed) ?? numberOr(entry.total_samples);
  const captionId = `dist-${shortId(evaluationId)}-${index}`;
  return html`<div class="distribution">
    <table aria-labelledby=${captionId}>
      <caption id=${captionId}>${name}${total === undefined ? nothing : html` <span class="muted">(${total} samples)</span>`}</caption>
      <thead><tr><th scope="col">Value</th><th scope="col" class="num">Requested</th><th scope="col" class="num">Evaluated</th></tr></thead>
      <tbody>
        ${values.map(
          (value) =>
            html`<tr><th scope="row">${value}</th><td class="num">${percent(requested[value])}</td><td class="num">${percent(evaluated[value])}</td></tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function scored(evaluation: Evaluation): TemplateResult {
  const score = numberOr(evaluation.conformance_score);
  const analysis = Array.isArray(evaluation.distribution_analysis) ? evaluation.distribution_analysis : [];
  const conformant = textOr(evaluation.conformant_areas);
  const nonConformant = textOr(evaluation.non_conformant_areas);
  return html`<div class="score-line">
      <p class="score"><span class="score-value">${score === undefined ? '—' : Math.round(score * 10) / 10}</span><span class="muted"> / 100</span></p>
      <div class="score-bar" role="img" aria-label=${score === undefined ? 'No score reported' : `Score ${score} out of 100`}>
        <span style=${`width: ${Math.max(0, Math.min(100, score ?? 0))}%`}></span>
      </div>
    </div>
    ${textOr(evaluation.conformance_explanation) ? html`<p class="explanation">${evaluation.conformance_explanation}</p>` : nothing}
    ${
      conformant || nonConformant
        ? html`<dl class="kvs">
          ${conformant ? html`<div class="kv"><dt>Follows the spec</dt><dd>${conformant}</dd></div>` : nothing}
          ${nonConformant ? html`<div class="kv"><dt>Strays from it</dt><dd>${nonConformant}</dd></div>` : nothing}
        </dl>`
        : nothing
    }
    ${
      analysis.length > 0
        ? html`<h5 class="distribution-heading">Distribution by property</h5>
          <div class="distributions">${analysis.map((entry, i) => distribution(entry, i, evaluation.id))}</div>`
        : nothing
    }`;
}

function evaluationCard(summary: EvaluationSummary, full: Evaluation | undefined, now: number): TemplateResult {
  const status = full?.status ?? summary.status;
  const done = isTerminalEvaluationStatus(status);
  const success = isEvaluationSuccess(status);
  const created = textOr(summary.created_at);
  let body: TemplateResult;
  if (!done) body = html`<p class="muted">Scoring the samples… The score appears here when it is ready.</p>`;
  else if (!full) body = html`<p class="muted">Loading the result…</p>`;
  else if (success) body = scored(full);
  else body = html`<p>The evaluation failed${textOr(full.error_message) ? html`: ${full.error_message}` : '.'}</p>`;
  return html`<li class="evaluation" data-evaluation-id=${summary.id} data-status=${status}>
    <div class="evaluation-head">
      <h4>Evaluation <code>${shortId(summary.id)}</code></h4>
      ${statusBadge(success ? 'SUCCEEDED' : status)}
      ${created ? html`<span class="muted" title=${formatExact(created)}>${relativeTime(created, now)}</span>` : nothing}
    </div>
    ${body}
  </li>`;
}

/** The evaluations panel of a SUCCEEDED run's page: "Evaluate" (asked first), then each evaluation, newest first. */
export function evaluationsView(state: AppState, actions: ViewActions): TemplateResult {
  const detail = state.detail;
  const run = detail?.run;
  if (!detail || !run) return html``;
  const evaluations = detail.evaluations ?? NO_EVALUATIONS;
  const list = evaluations.list;
  const running = (list ?? []).some((e) => !isTerminalEvaluationStatus(e.status));
  const busy = evaluations.starting || running;
  const error = evaluations.error === undefined ? undefined : describeError(evaluations.error, 'load the evaluations');
  let body: TemplateResult;
  if (list === undefined) body = html`<p class="muted">${error ? `${error.title}: ${error.text}` : 'Loading evaluations…'}</p>`;
  else if (list.length === 0)
    body = html`<p class="muted">Not evaluated yet. An evaluation scores how closely the samples follow the spec's distributions.</p>`;
  else
    body = html`<ol class="evaluations">
      ${repeat(
        list,
        (e) => e.id,
        (e) => evaluationCard(e, evaluations.details.get(e.id), state.now),
      )}
    </ol>`;
  return html`<section class="panel panel--wide" aria-labelledby="h-evaluations" id="evaluations">
    <div class="evaluations-head">
      <h3 id="h-evaluations">Evaluations</h3>
      <button type="button" class="primary" ?disabled=${busy} aria-busy=${evaluations.starting ? 'true' : 'false'}
        @click=${() => actions.askEvaluate(run.id, evaluateQuestion(run.id))}>
        Evaluate<span class="visually-hidden"> run ${shortId(run.id)}</span>
      </button>
    </div>
    <p class="field-error evaluate-error">${evaluations.startError ?? (list !== undefined && error ? `${error.title}: ${error.text}` : '')}</p>
    ${body}
  </section>`;
}
