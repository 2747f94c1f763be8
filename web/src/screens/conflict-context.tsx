import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, isIsoDate } from '../components/form.js';
import { Empty, Loaded, Loading } from '../components/states.js';
import { useResource } from '../use-resource.js';
import { number } from '../i18n/format.js';
import type { ContextSeries } from '../charts/context-chart.js';

const FatalityChart = lazy(() =>
  import('../charts/context-chart.js').then((module) => ({ default: module.FatalityChart })),
);

type GroupBy = 'area' | 'violence';
const MAX_SERIES = 6;

/**
 * The context view of a conflict (issue #15): fatalities per month from the imported event data, by area
 * or violence type, with the Track-II meetings, outcomes and transfers and the official timeline listed
 * beside them. It says in words that it shows coincidence, never causation.
 */
export default function ConflictContext({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { conflictId } = params;
  const [area, setArea] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('area');
  const badPeriod = isIsoDate(from) && isIsoDate(to) && from > to;
  const query = {
    ...(area ? { area } : {}),
    ...(isIsoDate(from) && !badPeriod ? { from } : {}),
    ...(isIsoDate(to) && !badPeriod ? { to } : {}),
  };
  const conflict = useResource('/api/conflicts/{id}', { params: { path: { id: conflictId } } });
  const context = useResource('/api/conflicts/{id}/context', { params: { path: { id: conflictId }, query } });
  const rtl = i18n.dir() === 'rtl';

  return (
    <section className="conflict-context">
      <h1>{t('eventContext.title')}</h1>
      {conflict.state === 'ready' && <p className="subtitle">{conflict.data.name}</p>}
      <p className="notice coincidence" role="note">
        {t('eventContext.coincidence')}
      </p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('eventContext.area')}
          value={area}
          onChange={setArea}
          options={[
            { value: '', label: t('eventContext.allAreas') },
            ...(context.state === 'ready' ? context.data.areas : []).map((name) => ({
              value: name,
              label: name,
            })),
          ]}
        />
        <TextField label={t('eventContext.from')} type="date" value={from} onChange={setFrom} />
        <TextField
          label={t('eventContext.to')}
          type="date"
          value={to}
          onChange={setTo}
          {...(badPeriod ? { error: t('eventContext.badPeriod') } : {})}
        />
        <SelectField
          label={t('eventContext.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as GroupBy)}
          options={[
            { value: 'area', label: t('eventContext.byArea') },
            { value: 'violence', label: t('eventContext.byViolence') },
          ]}
        />
      </form>
      <Loaded resource={context}>{(data) => <ContextBody data={data} groupBy={groupBy} rtl={rtl} />}</Loaded>
    </section>
  );
}

type Context = {
  months: string[];
  cells: {
    month: string;
    admin1: string | null;
    violence_type: string;
    events: number;
    fatalities: number;
  }[];
  markers: { kind: string; date: string; month: string; label: string }[];
  totals: { events: number; fatalities: number };
};

function ContextBody({ data, groupBy, rtl }: { data: Context; groupBy: GroupBy; rtl: boolean }) {
  const { t, i18n } = useTranslation();
  const series = useMemo((): ContextSeries[] => {
    const keyOf = (cell: Context['cells'][number]) =>
      groupBy === 'area' ? (cell.admin1 ?? t('eventContext.unknownArea')) : cell.violence_type;
    const totals = new Map<string, number>();
    for (const cell of data.cells) totals.set(keyOf(cell), (totals.get(keyOf(cell)) ?? 0) + cell.fatalities);
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
    const shown = new Set(ranked.slice(0, MAX_SERIES - 1));
    const other = ranked.length > MAX_SERIES - 1 ? '…' : null;
    const index = new Map(data.months.map((month, i) => [month, i]));
    const byKey = new Map<string, number[]>();
    for (const cell of data.cells) {
      const key = shown.has(keyOf(cell)) ? keyOf(cell) : other!;
      const values = byKey.get(key) ?? data.months.map(() => 0);
      values[index.get(cell.month)!] += cell.fatalities;
      byKey.set(key, values);
    }
    return [...byKey.entries()].map(([label, values]) => ({ label, values }));
  }, [data, groupBy, i18n.language]);

  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    return data.months.map((month) => format.format(new Date(`${month}-01T00:00:00Z`)));
  }, [data.months, i18n.language]);
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <>
      <p className="totals">
        {t('eventContext.totals', {
          events: number(data.totals.events),
          fatalities: number(data.totals.fatalities),
        })}
      </p>
      {data.cells.length === 0 ? (
        <Empty>{t('eventContext.empty')}</Empty>
      ) : (
        <Suspense fallback={<Loading label={t('eventContext.loading')} />}>
          <FatalityChart months={months} series={series} label={t('eventContext.chartLabel')} rtl={rtl} />
        </Suspense>
      )}
      <h2>{t('eventContext.markers')}</h2>
      {data.markers.length === 0 ? (
        <p>{t('eventContext.noMarkers')}</p>
      ) : (
        <ol className="context-markers">
          {data.markers.map((marker, i) => (
            <li key={`${marker.kind}-${marker.date}-${i}`} className={`marker marker-${marker.kind}`}>
              <time dateTime={marker.date}>{day.format(new Date(`${marker.date}T00:00:00Z`))}</time>{' '}
              <strong>{t(`eventContext.${markerKey(marker.kind)}`)}</strong>: <bdi>{marker.label}</bdi>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const markerKeys = ['meeting', 'outcome', 'transfer', 'trackOne'] as const;
function markerKey(kind: string): (typeof markerKeys)[number] {
  return (markerKeys as readonly string[]).includes(kind)
    ? (kind as (typeof markerKeys)[number])
    : 'trackOne';
}
