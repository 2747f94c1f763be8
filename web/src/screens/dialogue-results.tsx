import { DialogueSettings } from '../components/dialogue-settings.js';
import { useInitiativeCan } from '../permissions.js';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import type { DialogueResults } from '../../../src/domain/dialogue-results.js';
import { useState } from 'react';
import { number, percent } from '../i18n/format.js';
import { useUiLanguage } from '../dialogue-translation/reader-language.js';
import { ResultsByLanguage, StatementWithOriginal } from '../dialogue-translation/results-by-language.js';

/** Shapes as well as colours, so the opinion map reads in greyscale print too. */
const markers = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
const groupColors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b'];

function Marker({
  kind,
  x,
  y,
  color,
}: {
  kind: (typeof markers)[number];
  x: number;
  y: number;
  color: string;
}) {
  const r = 5;
  switch (kind) {
    case 'square':
      return (
        <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} stroke="#000" strokeWidth={0.5} />
      );
    case 'triangle':
      return (
        <polygon
          points={`${x},${y - r} ${x - r},${y + r} ${x + r},${y + r}`}
          fill={color}
          stroke="#000"
          strokeWidth={0.5}
        />
      );
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`}
          fill={color}
          stroke="#000"
          strokeWidth={0.5}
        />
      );
    case 'cross':
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`}
          stroke={color}
          strokeWidth={2}
        />
      );
    default:
      return <circle cx={x} cy={y} r={r} fill={color} stroke="#000" strokeWidth={0.5} />;
  }
}

function OpinionMap({ results, label }: { results: DialogueResults; label: string }) {
  const { t } = useTranslation();
  const points = results.opinion_map;
  if (!points.length) return <Empty>{t('results.noMap')}</Empty>;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = 320;
  const pad = 16;
  const sx = (x: number) => pad + ((x - minX) / Math.max(1e-9, maxX - minX)) * (size - 2 * pad);
  const sy = (y: number) => size - pad - ((y - minY) / Math.max(1e-9, maxY - minY)) * (size - 2 * pad);
  return (
    <figure className="opinion-map">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-label={label}>
        <rect width={size} height={size} fill="#fff" stroke="#999" />
        {points.map((point) => {
          const g = point.group ?? -1;
          return (
            <Marker
              key={point.participant}
              kind={g < 0 ? 'cross' : markers[g % markers.length]}
              x={sx(point.x)}
              y={sy(point.y)}
              color={g < 0 ? '#777' : groupColors[g % groupColors.length]}
            />
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {results.groups.map((group) => (
            <li key={group.id}>
              <svg width="14" height="14" aria-hidden="true">
                <Marker
                  kind={markers[group.id % markers.length]}
                  x={7}
                  y={7}
                  color={groupColors[group.id % groupColors.length]}
                />
              </svg>
              {t('results.groupName', { letter: String.fromCharCode(65 + group.id) })}:{' '}
              {t('results.members', { count: group.members.length })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export default function DialogueResultsScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, dialogueId } = params;
  const can = useInitiativeCan(initiativeId);
  const manages = can('dialogues.manage');
  // Texts in the viewer's language, the original beside each translation.
  const language = useUiLanguage();
  const results = useResource('/api/dialogues/{id}/results', {
    params: { path: { id: dialogueId }, query: { language } },
  });

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('results.title')}</h1>
      <p className="actions">
        <button type="button" onClick={results.reload}>
          {t('results.refresh')}
        </button>
      </p>
      <Loaded resource={results}>
        {(data) => {
          const text = new Map(data.statements.map((s) => [s.id, s.text]));
          return (
            <>
              <p dir="auto">
                <strong>{data.dialogue.prompt}</strong>
              </p>
              <p role="status">
                {t('results.summary', { participants: data.participants, votes: data.votes })}
              </p>
              <p className="moderation-mode">
                {t(data.dialogue.strict_moderation ? 'results.moderationStrict' : 'results.moderationOpen')}
              </p>
              <h2>{t('results.opinionMap')}</h2>
              <OpinionMap results={data} label={t('results.opinionMap')} />

              <h2>{t('results.groups')}</h2>
              {data.groups.length === 0 ? (
                <Empty>{t('results.noGroups')}</Empty>
              ) : (
                <ul className="cards">
                  {data.groups.map((group) => (
                    <li key={group.id} className="card">
                      <h3>{t('results.groupName', { letter: String.fromCharCode(65 + group.id) })}</h3>
                      <p>{t('results.members', { count: group.members.length })}</p>
                      <ul>
                        {(data.repness[String(group.id)] ?? []).map((r) => (
                          <li key={r.statement_id}>
                            <span dir="auto">{text.get(r.statement_id)}</span>{' '}
                            <span className="tag">
                              {t(r.type === 'agree' ? 'results.agreeShare' : 'results.disagreeShare', {
                                share: percent(r.probability),
                              })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}

              <h2>{t('results.consensus')}</h2>
              <p className="minimum-rule">
                {t('results.minimumRule', { count: data.minimum_votes_per_group })}
              </p>
              <h3>{t('results.consensusAgree')}</h3>
              {data.consensus.agree.length ? (
                <ul className="consensus-agree">
                  {data.consensus.agree.map((id) => (
                    <li key={id}>
                      <bdi>{text.get(id)}</bdi>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('results.none')}</Empty>
              )}
              <h3>{t('results.consensusDisagree')}</h3>
              {data.consensus.disagree.length ? (
                <ul>
                  {data.consensus.disagree.map((id) => (
                    <li key={id}>
                      <bdi>{text.get(id)}</bdi>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('results.none')}</Empty>
              )}

              <h2>{t('results.bySide')}</h2>
              {data.sides ? (
                <ul>
                  {data.sides.groups.map((side) => (
                    <li key={side.group_id}>
                      {side.name}: {t('results.members', { count: side.participants })}
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('results.noSides')}</Empty>
              )}

              <h2>{t('results.statements')}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('results.statement')}</th>
                      <th scope="col">{t('dialogue.agree')}</th>
                      <th scope="col">{t('dialogue.disagree')}</th>
                      <th scope="col">{t('results.passed')}</th>
                      <th scope="col">{t('results.fewestVotes')}</th>
                      <th scope="col">{t('results.gic')}</th>
                      <th scope="col">{t('results.sic')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.statements.map((s) => (
                      <tr key={s.id}>
                        <td>{s.number}</td>
                        <td>
                          <StatementWithOriginal statement={s} reader={language} />
                        </td>
                        <td>{s.agree}</td>
                        <td>{s.disagree}</td>
                        <td>{s.pass}</td>
                        <td>{s.fewest_group_votes}</td>
                        <td>
                          {s.group_informed_consensus === null ? (
                            <span className="not-enough">{t('results.notEnoughVotes')}</span>
                          ) : (
                            number(s.group_informed_consensus)
                          )}
                        </td>
                        <td>
                          {s.side_informed_consensus === null
                            ? data.sides
                              ? t('results.notEnoughVotes')
                              : ''
                            : number(s.side_informed_consensus)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ResultsByLanguage byLanguage={data.by_language} text={text} />
            </>
          );
        }}
      </Loaded>
      {manages && results.state === 'ready' && (
        <DialogueSettings
          key={results.data.dialogue.prompt}
          dialogue={results.data.dialogue}
          onChange={results.reload}
        />
      )}
      {manages && <ModerationQueue dialogueId={dialogueId} onChange={results.reload} />}
    </section>
  );
}

function ModerationQueue({ dialogueId, onChange }: { dialogueId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const queue = useResource('/api/dialogues/{id}/moderation', {
    params: { path: { id: dialogueId }, query: { moderation: 'unmoderated' } },
  });
  const [failure, setFailure] = useState<unknown>(null);

  async function moderate(statementId: string, moderation: 'accepted' | 'rejected') {
    setFailure(null);
    try {
      await api.patch('/api/dialogues/{id}/statements/{statementId}', {
        params: { path: { id: dialogueId, statementId } },
        body: { moderation },
      });
      queue.reload();
      onChange();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <>
      <h2>{t('results.moderation')}</h2>
      {failure !== null && <ErrorMessage error={failure} />}
      <Loaded resource={queue}>
        {(payload) => {
          const waiting = payload.items.filter((s) => s.origin === 'submitted');
          if (!waiting.length) return <Empty>{t('results.queueEmpty')}</Empty>;
          return (
            <ul>
              {waiting.map((s) => (
                <li key={s.id}>
                  <span dir="auto">{s.text}</span>{' '}
                  <button type="button" onClick={() => void moderate(s.id, 'accepted')}>
                    {t('results.accept')}
                  </button>{' '}
                  <button type="button" onClick={() => void moderate(s.id, 'rejected')}>
                    {t('results.reject')}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}
