import { useInitiativeCan } from '../permissions.js';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiUrl } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SelectField } from '../components/form.js';
import { Empty, Loaded, Loading } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';
import type { InstrumentEffects } from '../../../src/domain/survey-effects.js';
import type { SurveyWaveKind } from '../../../src/domain/survey.js';
import { labelOf } from '../i18n/labels.js';
import { number, percent } from '../i18n/format.js';

/** An effect size, always with two decimals (0.40, not 0.4). */
function effectSize(value: number): string {
  return number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const Z95 = 1.959963984540054;

interface Interval {
  label: string;
  estimate: number;
  low: number;
  high: number;
  n: number;
}

function intervalOf(label: string, effect: InstrumentEffects['report']['overall']): Interval | null {
  if (!effect.primary) return null;
  const { estimate, se } = effect.primary;
  return { label, estimate, low: estimate - Z95 * se, high: estimate + Z95 * se, n: effect.participants.n };
}

const charts = () => import('../charts/evidence-charts.js');
const EffectChart = lazy(() => charts().then((module) => ({ default: module.EffectChart })));
const InclusionChart = lazy(() => charts().then((module) => ({ default: module.InclusionChart })));

function ChartLoading() {
  const { t } = useTranslation();
  return <Loading label={t('evidence.chartLoading')} />;
}

export default function Evidence({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { initiativeId } = params;
  const [to, setTo] = useState<SurveyWaveKind>('post');
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const effects = useResource('/api/initiatives/{id}/evidence/effects', {
    params: { path: { id: initiativeId }, query: { from: 'baseline', to } },
  });
  const inclusion = useResource('/api/initiatives/{id}/evidence/inclusion', {
    params: { path: { id: initiativeId } },
  });
  // New formatters when the language changes, so the charts draw again in it.
  const formatEffect = useCallback((value: number) => effectSize(value), [i18n.language]);
  const formatShare = useCallback((value: number) => percent(value), [i18n.language]);
  const workspaceId = initiative.state === 'ready' ? initiative.data.workspace_id : null;
  const can = useInitiativeCan(initiativeId);
  // What the forest plot would show, asked first: too few studies to pool get words, not a broken image.
  const studies = useResource(
    workspaceId
      ? apiGet('/api/workspaces/{id}/evidence/studies', {
          params: { path: { id: workspaceId }, query: { to } },
        })
      : null,
  );

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('evidence.title')}</h1>
      {can('surveys.manage') && (
        <p className="actions">
          <Link to={`/i/${initiativeId}/surveys`}>{t('evidence.manageSurveys')}</Link>
        </p>
      )}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('evidence.compare')}
          value={to}
          onChange={(value) => setTo(value as SurveyWaveKind)}
          options={[
            { value: 'post', label: t('evidence.baselineToPost') },
            { value: 'follow_up', label: t('evidence.baselineToFollowUp') },
          ]}
        />
      </form>
      <h2>{t('evidence.effects')}</h2>
      <p className="hint">{t('evidence.effectsHint')}</p>
      <Loaded resource={effects}>
        {(payload) =>
          payload.items.length === 0 ? (
            <Empty>{t('evidence.noSurveys')}</Empty>
          ) : (
            <>
              {payload.items.map((survey) => (
                <article key={survey.survey_id} className="card">
                  <h3 dir="auto">{survey.title}</h3>
                  {survey.instruments.map((instrument) => {
                    const rows: Interval[] = [];
                    const tooSmall: { label: string; text: string }[] = [];
                    const overall = intervalOf(t('evidence.overall'), instrument.report.overall);
                    if (overall) rows.push(overall);
                    for (const split of instrument.report.subgroups.filter((s) =>
                      ['side', 'gender'].includes(s.attribute),
                    )) {
                      for (const group of split.groups) {
                        const label = `${labelOf(t, 'evidence.attributes', split.attribute)}: ${group.level}`;
                        // Below the minimum per arm the API gives no estimate: say so, with the counts.
                        if (group.suppressed || !group.effect) {
                          tooSmall.push({
                            label,
                            text: t('subgroupMinimum.tooFew', {
                              minimum: group.suppressed?.minimum ?? 10,
                              participants: group.participants,
                              comparison: group.comparison,
                            }),
                          });
                          continue;
                        }
                        const row = intervalOf(label, group.effect);
                        if (row) rows.push(row);
                      }
                    }
                    const minimum = instrument.report.subgroups
                      .flatMap((s) => s.groups)
                      .find((g) => g.suppressed)?.suppressed?.minimum;
                    // The effects are oriented (right of zero: less prejudice), so the heading names the
                    // instrument in the reader's language and needs no raw scoring code beside it.
                    const name = t(`surveys.instrumentNames.${instrument.instrument_id}`, {
                      defaultValue: instrument.name,
                    });
                    return (
                      <div key={instrument.instrument_id}>
                        <h4>
                          {name}{' '}
                          <span className="hint">
                            {t(`edits.higherMeans.${instrument.higher_means}` as 'edits.higherMeans.more')}
                          </span>
                        </h4>
                        {rows.length === 0 ? (
                          <Empty>{t('evidence.tooFew')}</Empty>
                        ) : (
                          <>
                            <Suspense fallback={<ChartLoading />}>
                              <EffectChart
                                rows={rows}
                                label={t('evidence.chartLabel', { instrument: name })}
                                axisLabel={t('evidence.axisEffect')}
                                format={formatEffect}
                              />
                            </Suspense>
                            <div className="table-wrap">
                              <table>
                                <thead>
                                  <tr>
                                    <th scope="col">{t('evidence.who')}</th>
                                    <th scope="col">{t('evidence.effect')}</th>
                                    <th scope="col">{t('evidence.ci')}</th>
                                    <th scope="col">n</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {rows.map((row) => (
                                    <tr key={row.label}>
                                      <td dir="auto">{row.label}</td>
                                      <td>{effectSize(row.estimate)}</td>
                                      <td>
                                        {effectSize(row.low)} – {effectSize(row.high)}
                                      </td>
                                      <td>{row.n}</td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            </div>
                          </>
                        )}
                        {tooSmall.length > 0 && (
                          <div className="subgroup-too-few">
                            <p className="hint">{t('subgroupMinimum.rule', { minimum: minimum ?? 10 })}</p>
                            <ul>
                              {tooSmall.map((item) => (
                                <li key={item.label}>
                                  <span dir="auto">{item.label}</span>: {item.text}
                                </li>
                              ))}
                            </ul>
                          </div>
                        )}
                      </div>
                    );
                  })}
                </article>
              ))}
            </>
          )
        }
      </Loaded>

      {workspaceId && (
        <>
          <h2>{t('evidence.forest')}</h2>
          <Loaded resource={studies}>
            {(gathered) => {
              const own = gathered.studies.filter((study) => study.source === 'initiative');
              const external = gathered.studies.filter((study) => study.source === 'external');
              if (gathered.studies.length < 2)
                return <Empty>{t('edits.forestTooFew', { count: gathered.studies.length })}</Empty>;
              return (
                <figure className="forest-figure">
                  <img
                    className="forest-plot"
                    src={apiUrl('/api/workspaces/{id}/evidence/forest.svg', {
                      params: { path: { id: workspaceId }, query: { to } },
                    })}
                    alt={t('evidence.forestAlt')}
                  />
                  <figcaption className="hint">
                    {t('edits.forestCaption', { initiatives: own.length, external: external.length })}{' '}
                    {gathered.studies.map((study) => study.label).join('; ')}
                  </figcaption>
                </figure>
              );
            }}
          </Loaded>
        </>
      )}

      <h2>{t('evidence.inclusion')}</h2>
      <Loaded resource={inclusion}>
        {(report) => {
          const own =
            report.initiatives.find((entry) => entry.initiative_id === initiativeId) ?? report.initiatives[0];
          const rows = own?.over_time.rows ?? [];
          if (!rows.length) return <Empty>{t('evidence.noAttendance')}</Empty>;
          return (
            <>
              <Suspense fallback={<ChartLoading />}>
                <InclusionChart
                  rows={rows}
                  target={own.target}
                  baseline={report.baseline.negotiators}
                  label={t('evidence.inclusionLabel')}
                  names={{
                    share: t('evidence.legendShare'),
                    target: t('evidence.legendTarget'),
                    baseline: t('evidence.legendBaseline', { period: report.baseline.period }),
                    axis: t('evidence.axisShare'),
                  }}
                  format={formatShare}
                />
              </Suspense>
              <p className="hint">
                {t('evidence.inclusionLegend', {
                  baseline: percent(report.baseline.negotiators),
                  period: report.baseline.period,
                })}
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('evidence.period')}</th>
                      <th scope="col">{t('evidence.attendees')}</th>
                      <th scope="col">{t('evidence.womenShare')}</th>
                      <th scope="col">{t('evidence.belowTarget')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.period}>
                        <td>{row.period}</td>
                        <td>{row.attendees}</td>
                        <td>{percent(row.share)}</td>
                        <td>{row.below_target ? t('common.yes') : t('common.no')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>

      <h2>{t('evidence.export')}</h2>
      <p>{t('evidence.exportWhat')}</p>
      {can('export.research') && (
        <p>
          <Link to={`/i/${initiativeId}/research`}>{t('evidence.researchLink')}</Link>
        </p>
      )}
    </section>
  );
}
