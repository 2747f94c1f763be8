import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { actorName } from '../api/names.js';
import { itemsOf, oneOf, totalOf, type Actor, type Conflict } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SelectField, TextField } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link, splitQuery, usePath } from '../router.js';
import { useResource } from '../use-resource.js';
import { actorKinds, actorRoles, genders, tracks } from '../../../src/domain/vocabulary-lists.js';

const PAGE_SIZE = 50;

export default function Actors({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { workspaceId } = params;
  const preset = splitQuery(usePath()).query.get('conflict') ?? '';
  const [conflictChoice, setConflictChoice] = useState(preset);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [nameSearch, setNameSearch] = useState('');
  const [nameQuery, setNameQuery] = useState('');
  const [role, setRole] = useState('');
  const [kind, setKind] = useState('');
  const [track, setTrack] = useState('');
  const [gender, setGender] = useState('');
  const [groupId, setGroupId] = useState('');
  const [offset, setOffset] = useState(0);

  // Searching on every key would send a request per letter on a slow line.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(search.trim());
      setNameQuery(nameSearch.trim());
      setOffset(0);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search, nameSearch]);

  const conflicts = useResource('/api/workspaces/{id}/conflicts', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  const conflictList = conflicts.state === 'ready' ? itemsOf<Conflict>(conflicts.data) : [];
  const conflict = conflictList.find((entry) => entry.id === conflictChoice) ?? conflictList[0];
  const groups = (conflict?.divides ?? []).flatMap((divide) =>
    divide.groups.map((group) => ({ value: group.id, label: `${divide.name}: ${group.name}` })),
  );
  const groupNames = new Map(groups.map((group) => [group.value, group.label]));

  const actors = useResource(
    conflict
      ? apiGet('/api/conflicts/{id}/actors', {
          params: {
            path: { id: conflict.id },
            query: {
              q: query,
              name: nameQuery,
              role: oneOf(actorRoles, role),
              kind: oneOf(actorKinds, kind),
              track: oneOf(tracks, track),
              gender: oneOf(genders, gender),
              group_id: groupId,
              limit: PAGE_SIZE,
              offset,
            },
          },
        })
      : null,
  );

  const any = { value: '', label: t('common.any') };
  const reset = (set: (value: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/w/${workspaceId}`, label: t('nav.workspace') }]} />
      <h1>{t('actors.title')}</h1>
      <p className="actions">
        <Link to={`/w/${workspaceId}/actors/new${conflict ? `?conflict=${conflict.id}` : ''}`}>
          {t('actors.add')}
        </Link>
        <Link to={`/w/${workspaceId}/ties/new${conflict ? `?conflict=${conflict.id}` : ''}`}>
          {t('actors.addTie')}
        </Link>
        <Link to={`/w/${workspaceId}/map`}>{t('nav.map')}</Link>
      </p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        {conflictList.length > 1 && (
          <SelectField
            label={t('actors.conflict')}
            value={conflict?.id ?? ''}
            onChange={reset(setConflictChoice)}
            options={conflictList.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        )}
        <TextField label={t('actors.searchLabel')} type="search" value={search} onChange={setSearch} />
        <TextField
          label={t('actors.nameSearchLabel')}
          type="search"
          value={nameSearch}
          onChange={setNameSearch}
        />
        <SelectField
          label={t('actors.role')}
          value={role}
          onChange={reset(setRole)}
          options={[any, ...actorRoles.map((value) => ({ value, label: t(`actors.roles.${value}`) }))]}
        />
        <SelectField
          label={t('actors.kind')}
          value={kind}
          onChange={reset(setKind)}
          options={[any, ...actorKinds.map((value) => ({ value, label: t(`actors.kinds.${value}`) }))]}
        />
        <SelectField
          label={t('actors.track')}
          value={track}
          onChange={reset(setTrack)}
          options={[any, ...tracks.map((value) => ({ value, label: t(`actors.tracks.${value}`) }))]}
        />
        <SelectField
          label={t('actors.gender')}
          value={gender}
          onChange={reset(setGender)}
          options={[any, ...genders.map((value) => ({ value, label: t(`actors.genders.${value}`) }))]}
        />
        {groups.length > 0 && (
          <SelectField
            label={t('actors.groups')}
            value={groupId}
            onChange={reset(setGroupId)}
            options={[any, ...groups]}
          />
        )}
      </form>
      {conflicts.state === 'ready' && !conflict && <Empty>{t('workspace.noConflicts')}</Empty>}
      {conflicts.state === 'error' && <ErrorMessage error={conflicts.error} onRetry={conflicts.reload} />}
      <Loaded resource={actors}>
        {(payload) => {
          const list = itemsOf<Actor & Record<string, unknown>>(payload);
          const total = totalOf(payload);
          if (!list.length) return <Empty>{t('actors.noActors')}</Empty>;
          const showNames = list.some((actor) => actorName(actor) !== null);
          return (
            <>
              <p role="status">{t('actors.count', { count: total })}</p>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('actors.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('actors.pseudonym')}</th>
                      {showNames && <th scope="col">{t('actors.name')}</th>}
                      <th scope="col">{t('actors.kind')}</th>
                      <th scope="col">{t('actors.role')}</th>
                      <th scope="col">{t('actors.track')}</th>
                      <th scope="col">{t('actors.gender')}</th>
                      <th scope="col">{t('actors.region')}</th>
                      <th scope="col">{t('actors.groups')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((actor) => (
                      <tr key={actor.id}>
                        <td>
                          <Link to={`/w/${workspaceId}/actors/${actor.id}`}>
                            <bdi>{actor.pseudonym}</bdi>
                          </Link>
                        </td>
                        {showNames && <td>{actorName(actor) ?? ''}</td>}
                        <td>{t(`actors.kinds.${actor.kind}`)}</td>
                        <td>{t(`actors.roles.${actor.role}`)}</td>
                        <td>{t(`actors.tracks.${actor.track}`)}</td>
                        <td>{actor.gender ? t(`actors.genders.${actor.gender}`) : ''}</td>
                        <td>{actor.region ?? ''}</td>
                        <td>
                          {(actor.groups ?? [])
                            .map((group) => groupNames.get(group.group_id) ?? '')
                            .join('; ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('common.previous')}
                </button>
                <span>{t('common.pageOf', { from: offset + 1, to: offset + list.length, total })}</span>
                <button
                  type="button"
                  disabled={offset + list.length >= total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('common.next')}
                </button>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
