import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client.js';
import type { Initiative } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SelectField } from '../components/form.js';
import { Empty, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import type { SurveyEffects } from '../../../src/services/evidence.js';
import type { InclusionReport } from '../../../src/services/evidence-inclusion.js';
import type { WaveEffect } from '../../../src/evaluation/wave-effects.js';

const Z95 = 1.959963984540054;

interface Interval {
  label: string;
  estimate: number;
  low: number;
  high: number;
  n: number;
}

function intervalOf(label: string, effect: WaveEffect): Interval | null {
  if (!effect.primary) return null;
  const { estimate, se } = effect.primary;
  return { label, estimate, low: estimate - Z95 * se, high: estimate + Z95 * se, n: effect.participants.n };
}

/** Dot-and-whisker chart: black on white with a dashed zero line, so it prints and reads in greyscale. */
function IntervalChart({ rows, label }: { rows: Interval[]; label: string }) {
  const width = 480;
  const rowHeight = 26;
  const left = 170;
  const height = rows.length * rowHeight + 30;
  const lo = Math.min(0, ...rows.map((r) => r.low));
  const hi = Math.max(0, ...rows.map((r) => r.high));
  const x = (v: number) => left + ((v - lo) / Math.max(1e-9, hi - lo)) * (width - left - 20);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={label}
    >
      <rect width={width} height={height} fill="#fff" />
      <line x1={x(0)} x2={x(0)} y1={0} y2={height - 20} stroke="#000" strokeDasharray="4 3" />
      {rows.map((row, i) => {
        const y = 15 + i * rowHeight;
        return (
          <g key={row.label}>
            <text x={4} y={y + 4} fontSize="12" fill="#000">
              {row.label}
            </text>
            <line x1={x(row.low)} x2={x(row.high)} y1={y} y2={y} stroke="#000" strokeWidth={1.5} />
            <rect x={x(row.estimate) - 4} y={y - 4} width={8} height={8} fill="#000" />
          </g>
        );
      })}
      <text x={x(lo)} y={height - 4} fontSize="11">
        {lo.toFixed(2)}
      </text>
      <text x={x(hi) - 24} y={height - 4} fontSize="11">
        {hi.toFixed(2)}
      </text>
    </svg>
  );
}

/** Women's share over time against the convener's target and the Track-I negotiators' 13%. */
function InclusionChart({
  rows,
  target,
  baseline,
  label,
}: {
  rows: { period: string; share: number }[];
  target: number | null;
  baseline: number;
  label: string;
}) {
  const width = 480;
  const height = 200;
  const pad = 30;
  const x = (i: number) => pad + (i / Math.max(1, rows.length - 1)) * (width - 2 * pad);
  const y = (share: number) => height - pad - share * (height - 2 * pad);
  const path = rows.map((row, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(row.share).toFixed(1)}`).join('');
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={label}
    >
      <rect width={width} height={height} fill="#fff" stroke="#999" />
      <line x1={pad} x2={width - pad} y1={y(baseline)} y2={y(baseline)} stroke="#000" strokeDasharray="2 3" />
      {target !== null && (
        <line x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} stroke="#000" strokeDasharray="8 4" />
      )}
      <path d={path} fill="none" stroke="#000" strokeWidth={2} />
      {rows.map((row, i) => (
        <circle key={row.period} cx={x(i)} cy={y(row.share)} r={3.5} fill="#000" />
      ))}
      <text x={4} y={y(1) + 4} fontSize="11">
        100%
      </text>
      <text x={4} y={y(0)} fontSize="11">
        0%
      </text>
    </svg>
  );
}

export default function Evidence({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { initiativeId } = params;
  const [to, setTo] = useState('post');
  const initiative = useResource<Initiative>(`/api/initiatives/${initiativeId}`);
  const effects = useResource<{ items: SurveyEffects[] }>(
    withQuery(`/api/initiatives/${initiativeId}/evidence/effects`, { from: 'baseline', to }),
  );
  const inclusion = useResource<InclusionReport>(`/api/initiatives/${initiativeId}/evidence/inclusion`);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const workspaceId = initiative.state === 'ready' ? initiative.data.workspace_id : null;

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('evidence.title')}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('evidence.compare')}
          value={to}
          onChange={setTo}
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
                  <h3>{survey.title}</h3>
                  {survey.instruments.map((instrument) => {
                    const rows: Interval[] = [];
                    const overall = intervalOf(t('evidence.overall'), instrument.report.overall);
                    if (overall) rows.push(overall);
                    for (const split of instrument.report.subgroups.filter((s) =>
                      ['side', 'gender'].includes(s.attribute),
                    )) {
                      for (const group of split.groups) {
                        const row = intervalOf(
                          `${t(`evidence.attributes.${split.attribute}`)}: ${group.level}`,
                          group.effect,
                        );
                        if (row) rows.push(row);
                      }
                    }
                    return (
                      <div key={instrument.instrument_id}>
                        <h4>
                          {instrument.name} <span className="hint">({instrument.higher_means})</span>
                        </h4>
                        {rows.length === 0 ? (
                          <Empty>{t('evidence.tooFew')}</Empty>
                        ) : (
                          <>
                            <IntervalChart
                              rows={rows}
                              label={t('evidence.chartLabel', { instrument: instrument.name })}
                            />
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
                                      <td>{row.label}</td>
                                      <td>{number.format(row.estimate)}</td>
                                      <td>
                                        {number.format(row.low)} – {number.format(row.high)}
                                      </td>
                                      <td>{row.n}</td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            </div>
                          </>
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
          <p className="hint">{t('evidence.forestHint')}</p>
          <img
            className="forest-plot"
            src={withQuery(`/api/workspaces/${workspaceId}/evidence/forest.svg`, { to })}
            alt={t('evidence.forestAlt')}
          />
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
              <InclusionChart
                rows={rows}
                target={own.target}
                baseline={report.baseline.negotiators}
                label={t('evidence.inclusionLabel')}
              />
              <p className="hint">
                {t('evidence.inclusionLegend', {
                  baseline: percent.format(report.baseline.negotiators),
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
                        <td>{percent.format(row.share)}</td>
                        <td>{row.belowTarget ? t('common.yes') : t('common.no')}</td>
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
      <ul>
        <li>
          <a href={`/api/initiatives/${initiativeId}/export/research`} download>
            {t('evidence.exportInitiative')}
          </a>
        </li>
      </ul>
    </section>
  );
}
