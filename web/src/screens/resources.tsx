import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorSummary, SelectField, TextField, isIsoDate, type FieldErrors } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { day, number } from '../i18n/format.js';
import { useInitiativeCan } from '../permissions.js';
import { useResource } from '../use-resource.js';

const CURRENCY = /^[A-Z]{3}$/;
const amountError = (text: string, required: string, bad: string) =>
  !text.trim() ? required : Number.isFinite(Number(text)) && Number(text) > 0 ? undefined : bad;

/**
 * An initiative's resources (issue #15): the gap per currency for every reader of funding; budget lines,
 * pledges and disbursements as the API gives them (a funder gets the totals only); forms for the convener.
 */
export default function Resources({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const resources = useResource('/api/initiatives/{id}/resources', {
    params: { path: { id: initiativeId } },
  });
  const can = useInitiativeCan(initiativeId);
  const mayWrite = can('funding.write');
  const workspaceId = initiative.state === 'ready' ? initiative.data.workspace_id : null;
  const funders = useResource(
    mayWrite && workspaceId
      ? apiGet('/api/workspaces/{id}/funders', { params: { path: { id: workspaceId } } })
      : null,
  );
  const line = useFormSubmit();
  const pledge = useFormSubmit();
  const [label, setLabel] = useState('');
  const [lineCurrency, setLineCurrency] = useState('USD');
  const [lineAmount, setLineAmount] = useState('');
  const [funderId, setFunderId] = useState('');
  const [newFunder, setNewFunder] = useState('');
  const [pledgeCurrency, setPledgeCurrency] = useState('USD');
  const [pledgeAmount, setPledgeAmount] = useState('');
  const [pledgedOn, setPledgedOn] = useState('');

  async function addLine(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      label: !label.trim() ? t('common.required') : undefined,
      lineCurrency: CURRENCY.test(lineCurrency) ? undefined : t('trackOne.badCurrency'),
      lineAmount: amountError(lineAmount, t('common.required'), t('trackOne.badAmount')),
    };
    await line.save(found, async () => {
      await api.post('/api/initiatives/{id}/budget-lines', {
        params: { path: { id: initiativeId } },
        body: { label: label.trim(), currency: lineCurrency, amount: Number(lineAmount) },
      });
      setLabel('');
      setLineAmount('');
      resources.reload();
    });
  }

  async function addPledge(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      funder: !funderId && !newFunder.trim() ? t('common.required') : undefined,
      pledgeCurrency: CURRENCY.test(pledgeCurrency) ? undefined : t('trackOne.badCurrency'),
      pledgeAmount: amountError(pledgeAmount, t('common.required'), t('trackOne.badAmount')),
      pledgedOn: !pledgedOn
        ? t('common.required')
        : !isIsoDate(pledgedOn)
          ? t('common.invalidDate')
          : undefined,
    };
    await pledge.save(found, async () => {
      let funder = funderId;
      if (!funder && workspaceId) {
        funder = (
          await api.post('/api/workspaces/{id}/funders', {
            params: { path: { id: workspaceId } },
            body: { name: newFunder.trim() },
          })
        ).id;
        setNewFunder('');
        setFunderId(funder);
        funders.reload();
      }
      await api.post('/api/initiatives/{id}/pledges', {
        params: { path: { id: initiativeId } },
        body: {
          funder_id: funder,
          currency: pledgeCurrency,
          amount: Number(pledgeAmount),
          pledged_on: pledgedOn,
        },
      });
      setPledgeAmount('');
      resources.reload();
    });
  }

  return (
    <section className="resources">
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('trackOne.resources')}</h1>
      <Loaded resource={resources}>
        {(data) => (
          <>
            <h2>{t('trackOne.gap')}</h2>
            {data.gap.length === 0 ? (
              <Empty>{t('trackOne.noLines')}</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('trackOne.currency')}</th>
                      <th scope="col">{t('trackOne.needed')}</th>
                      <th scope="col">{t('trackOne.pledged')}</th>
                      <th scope="col">{t('trackOne.disbursed')}</th>
                      <th scope="col">{t('trackOne.unpledged')}</th>
                      <th scope="col">{t('trackOne.undisbursed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.gap.map((row) => (
                      <tr key={row.currency} data-currency={row.currency}>
                        <td>{row.currency}</td>
                        <td>{number(row.needed)}</td>
                        <td>{number(row.pledged)}</td>
                        <td>{number(row.disbursed)}</td>
                        <td>{number(row.unpledged)}</td>
                        <td>{number(row.undisbursed)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h2>{t('trackOne.budgetLines')}</h2>
            {data.budget_lines.length === 0 ? (
              <Empty>{t('trackOne.noLines')}</Empty>
            ) : (
              <ul>
                {data.budget_lines.map((row) => (
                  <li key={row.id}>
                    <bdi>{row.label}</bdi>: {number(row.amount)} {row.currency}
                  </li>
                ))}
              </ul>
            )}
            {!data.details ? (
              <p role="note">{t('trackOne.totalsOnly')}</p>
            ) : (
              <>
                <h2>{t('trackOne.pledges')}</h2>
                {data.pledges.length === 0 ? (
                  <Empty>{t('trackOne.noPledges')}</Empty>
                ) : (
                  <ul>
                    {data.pledges.map((row) => (
                      <li key={row.id}>
                        <bdi>{row.funder_name}</bdi>: {number(row.amount)} {row.currency} (
                        {day(row.pledged_on)}) · {t('trackOne.disbursed')} {number(row.disbursed)}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
      </Loaded>
      {mayWrite && (
        <>
          <h2>{t('trackOne.addLine')}</h2>
          <ErrorSummary title={t('common.fixErrors')} errors={line.errors} />
          {line.failure !== null && <ErrorMessage error={line.failure} />}
          <form onSubmit={addLine} noValidate>
            <div className="form-grid">
              <TextField
                label={t('trackOne.label')}
                value={label}
                onChange={setLabel}
                error={line.errors.label}
                maxLength={200}
                required
              />
              <TextField
                label={t('trackOne.currency')}
                hint={t('trackOne.currencyHint')}
                value={lineCurrency}
                onChange={(value) => setLineCurrency(value.toUpperCase())}
                error={line.errors.lineCurrency}
                maxLength={3}
                required
              />
              <TextField
                label={t('trackOne.amount')}
                inputMode="decimal"
                value={lineAmount}
                onChange={setLineAmount}
                error={line.errors.lineAmount}
                required
              />
            </div>
            <button type="submit" className="primary" disabled={line.busy}>
              {t('trackOne.addLine')}
            </button>
          </form>
          <h2>{t('trackOne.addPledge')}</h2>
          <ErrorSummary title={t('common.fixErrors')} errors={pledge.errors} />
          {pledge.failure !== null && <ErrorMessage error={pledge.failure} />}
          <form onSubmit={addPledge} noValidate>
            <div className="form-grid">
              <SelectField
                label={t('trackOne.funder')}
                value={funderId}
                onChange={setFunderId}
                error={pledge.errors.funder}
                options={[
                  { value: '', label: t('trackOne.newFunderOption') },
                  ...(funders.state === 'ready' ? funders.data.items : []).map((f) => ({
                    value: f.id,
                    label: f.name,
                  })),
                ]}
              />
              {!funderId && (
                <TextField
                  label={t('trackOne.newFunder')}
                  value={newFunder}
                  onChange={setNewFunder}
                  maxLength={200}
                />
              )}
              <TextField
                label={t('trackOne.currency')}
                value={pledgeCurrency}
                onChange={(value) => setPledgeCurrency(value.toUpperCase())}
                error={pledge.errors.pledgeCurrency}
                maxLength={3}
                required
              />
              <TextField
                label={t('trackOne.amount')}
                inputMode="decimal"
                value={pledgeAmount}
                onChange={setPledgeAmount}
                error={pledge.errors.pledgeAmount}
                required
              />
              <TextField
                label={t('trackOne.pledgedOn')}
                type="date"
                value={pledgedOn}
                onChange={setPledgedOn}
                error={pledge.errors.pledgedOn}
                required
              />
            </div>
            <button type="submit" className="primary" disabled={pledge.busy}>
              {t('trackOne.addPledge')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
