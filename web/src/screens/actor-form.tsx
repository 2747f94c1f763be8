import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import { itemsOf, type Actor, type Conflict } from '../api/records.js';
import { ActorsBreadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextArea, TextField, type FieldErrors } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage, Loaded, Loading } from '../components/states.js';
import { Link, navigate, splitQuery, usePath } from '../router.js';
import { useResource } from '../use-resource.js';
import type { ActorKind, ActorRole, Gender, Track } from '../../../src/domain/vocabulary.js';
import { actorKinds, actorRoles, genders, tracks } from '../../../src/domain/vocabulary-lists.js';

interface Draft {
  conflictId: string;
  kind: string;
  role: string;
  track: string;
  gender: string;
  region: string;
  latitude: string;
  longitude: string;
  names: string;
  groups: Record<string, string>;
}

const blank: Draft = {
  conflictId: '',
  kind: 'person',
  role: 'peace_activist',
  track: '2',
  gender: 'undisclosed',
  region: '',
  latitude: '',
  longitude: '',
  names: '',
  groups: {},
};

function draftOf(actor: Actor, names: string[]): Draft {
  return {
    conflictId: actor.conflict_id,
    kind: actor.kind,
    role: actor.role,
    track: actor.track,
    gender: actor.gender ?? 'undisclosed',
    region: actor.region ?? '',
    latitude: actor.latitude?.toString() ?? '',
    longitude: actor.longitude?.toString() ?? '',
    names: names.join('\n'),
    groups: Object.fromEntries((actor.groups ?? []).map((group) => [group.divide_id, group.group_id])),
  };
}

/** A coordinate as typed: empty is none; else a number within ±limit, or the range it must lie in. */
function coordinateError(text: string, limit: number, message: string): string | undefined {
  if (!text.trim()) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? undefined : message;
}

export default function ActorForm({ params }: { params: Record<string, string> }) {
  const { workspaceId, actorId } = params;
  const conflicts = useResource('/api/workspaces/{id}/conflicts', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  const preset = splitQuery(usePath()).query.get('conflict') ?? '';
  const identity = useResource(
    actorId ? apiGet('/api/actors/{id}/identity', { params: { path: { id: actorId } } }) : null,
  );
  const existing = useResource(
    actorId ? apiGet('/api/actors/{id}', { params: { path: { id: actorId } } }) : null,
  );
  // The identity answers only to those who may see names; for the others the form simply has no names.
  if (actorId && (existing.state !== 'ready' || identity.state === 'loading')) {
    return existing.state === 'error' ? (
      <ErrorMessage error={existing.error} onRetry={existing.reload} />
    ) : (
      <Loading />
    );
  }
  return (
    <Loaded resource={conflicts}>
      {(payload) => (
        <ActorFormBody
          workspaceId={workspaceId}
          actorId={actorId}
          conflicts={itemsOf<Conflict>(payload)}
          initial={
            existing.state === 'ready'
              ? draftOf(
                  existing.data,
                  identity.state === 'ready' ? (identity.data.identity?.names ?? []) : [],
                )
              : { ...blank, conflictId: preset }
          }
        />
      )}
    </Loaded>
  );
}

function ActorFormBody(props: {
  workspaceId: string;
  actorId?: string;
  conflicts: Conflict[];
  initial: Draft;
}) {
  const { t } = useTranslation();
  const { workspaceId, actorId, conflicts } = props;
  const [draft, setDraft] = useState<Draft>(() => ({
    ...props.initial,
    conflictId: props.initial.conflictId || conflicts[0]?.id || '',
  }));
  const { errors, failure, busy, save } = useFormSubmit();
  const conflict = conflicts.find((entry) => entry.id === draft.conflictId);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    if (draft.kind === 'organisation' && draft.gender !== '') setDraft((d) => ({ ...d, gender: '' }));
    if (draft.kind === 'person' && draft.gender === '') setDraft((d) => ({ ...d, gender: 'undisclosed' }));
  }, [draft.kind, draft.gender]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const names = draft.names
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const found: FieldErrors = {
      conflictId: !draft.conflictId ? t('common.required') : undefined,
      region: draft.region.trim().length > 120 ? t('actors.regionTooLong') : undefined,
      latitude: coordinateError(draft.latitude, 90, t('privacy.coordinateRange', { limit: 90 })),
      longitude: coordinateError(draft.longitude, 180, t('privacy.coordinateRange', { limit: 180 })),
    };
    await save(found, async () => {
      const groups = Object.entries(draft.groups)
        .filter(([, groupId]) => groupId)
        .map(([divide_id, group_id]) => ({ divide_id, group_id }));
      const fields = {
        kind: draft.kind as ActorKind,
        role: draft.role as ActorRole,
        track: draft.track as Track,
        gender: draft.kind === 'person' ? (draft.gender as Gender | null) : null,
        region: draft.region.trim() || null,
        latitude: draft.latitude.trim() ? Number(draft.latitude) : null,
        longitude: draft.longitude.trim() ? Number(draft.longitude) : null,
        groups,
        // The vault is written only when the names changed: editing a role needs no right to see names.
        ...(names.join('\n') !== props.initial.names ? { identity: { names, contacts: [], notes: '' } } : {}),
      };
      const saved = actorId
        ? await api.patch('/api/actors/{id}', { params: { path: { id: actorId } }, body: fields })
        : await api.post('/api/actors', {
            body: {
              workspace_id: workspaceId,
              conflict_id: draft.conflictId,
              ...fields,
            },
          });
      navigate(`/w/${workspaceId}/actors/${saved?.id ?? actorId ?? ''}`);
    });
  }

  return (
    <section>
      <ActorsBreadcrumbs workspaceId={workspaceId} />
      <h1>{actorId ? t('actors.edit') : t('actors.add')}</h1>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {!actorId && (
            <SelectField
              label={t('actors.conflict')}
              value={draft.conflictId}
              onChange={set('conflictId')}
              error={errors.conflictId}
              options={conflicts.map((entry) => ({ value: entry.id, label: entry.name }))}
              required
            />
          )}
          <SelectField
            label={t('actors.kind')}
            value={draft.kind}
            onChange={set('kind')}
            options={actorKinds.map((value) => ({ value, label: t(`actors.kinds.${value}`) }))}
          />
          <SelectField
            label={t('actors.role')}
            value={draft.role}
            onChange={set('role')}
            options={actorRoles.map((value) => ({ value, label: t(`actors.roles.${value}`) }))}
          />
          <SelectField
            label={t('actors.track')}
            value={draft.track}
            onChange={set('track')}
            options={tracks.map((value) => ({ value, label: t(`actors.tracks.${value}`) }))}
          />
          {draft.kind === 'person' && (
            <SelectField
              label={t('actors.gender')}
              value={draft.gender}
              onChange={set('gender')}
              options={genders.map((value) => ({ value, label: t(`actors.genders.${value}`) }))}
            />
          )}
          <TextField
            label={t('actors.region')}
            value={draft.region}
            onChange={set('region')}
            error={errors.region}
            maxLength={120}
          />
          <TextField
            label={t('privacy.latitude')}
            hint={t('privacy.actorCoordinatesHint')}
            inputMode="decimal"
            value={draft.latitude}
            onChange={set('latitude')}
            error={errors.latitude}
          />
          <TextField
            label={t('privacy.longitude')}
            inputMode="decimal"
            value={draft.longitude}
            onChange={set('longitude')}
            error={errors.longitude}
          />
          {conflict?.divides.map((divide) => (
            <SelectField
              key={divide.id}
              label={divide.name}
              value={draft.groups[divide.id] ?? ''}
              onChange={(value) => setDraft((d) => ({ ...d, groups: { ...d.groups, [divide.id]: value } }))}
              options={[
                { value: '', label: t('common.none') },
                ...divide.groups.map((group) => ({ value: group.id, label: group.name })),
              ]}
            />
          ))}
        </div>
        <TextArea
          label={t('actors.names')}
          hint={t('actors.namesHint')}
          value={draft.names}
          onChange={set('names')}
          rows={3}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link to={actorId ? `/w/${workspaceId}/actors/${actorId}` : `/w/${workspaceId}/actors`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
