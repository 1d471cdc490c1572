import { useState, type SyntheticEvent } from 'react';
import type { ClusterInfo, Me, PeriodInfo } from '../api-types.ts';
import { request } from '../client.ts';
import {
  formatDateTime,
  formatDecimal,
  parseHanoiDateTime,
  vietnameseCollator,
} from '../format.ts';
import { usePeriodName, useT } from '../i18n.ts';
import { parseVietnameseDecimal } from '../input.ts';
import type { AdjustmentsQuery } from '../operations.generated.ts';
import {
  ChoiceField,
  Field,
  GeneralProblems,
  TextField,
  useMutationForm,
} from '../mutation-form.tsx';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

const dateTimeHint = 'ngày/tháng/năm giờ:phút, giờ Hà Nội, ví dụ 15/12/2026 17:00';
const badDateTime = 'Thời điểm cần viết dạng ngày/tháng/năm giờ:phút, ví dụ 15/12/2026 17:00';

/** Asks `check` again every 300 ms for up to 15 s: the read side follows the command shortly. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !(await check())) {
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function periodsOf(cluster: string, year: number): Promise<PeriodInfo[]> {
  return request<{ cluster: ClusterInfo | null }>('Cluster', { code: cluster, year }).then(
    (answer) => answer.cluster?.periods ?? [],
  );
}

/** Opens one of the year's periods that is not open yet, with its deadline. */
function OpenPeriodForm({
  cluster,
  year,
  periods,
  onDone,
}: {
  cluster: string;
  year: number;
  periods: PeriodInfo[];
  onDone: (doneVi: string) => void;
}) {
  const form = useMutationForm();
  const t = useT();
  const periodName = usePeriodName();
  const unopened = [`${year}-H1`, `${year}-FY`].filter(
    (id) => !periods.some((p) => p.periodId === id),
  );
  const [periodId, setPeriodId] = useState(unopened[0] ?? `${year}-FY`);
  const [deadline, setDeadline] = useState('');

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    const instant = parseHanoiDateTime(deadline);
    if (instant === null) {
      form.refuseLocally('deadline', badDateTime);
      return;
    }
    const opened = await form.run(
      'OpenPeriod',
      'openPeriod',
      { clusterCode: cluster, periodId, deadline: instant },
      ['periodId', 'deadline', 'clusterCode'],
    );
    if (!opened) return;
    await until(async () => (await periodsOf(cluster, year)).some((p) => p.periodId === periodId));
    onDone(t('Đã mở kỳ {period}, hạn nộp {deadline}', { period: periodName(periodId), deadline }));
  }

  return (
    <form className="card form-grid" onSubmit={(event) => void send(event)}>
      <h3>{t('Mở kỳ mới')}</h3>
      <Field form={form} id="open-period" path="periodId" label={t('Kỳ')}>
        {(control) => (
          <select {...control} value={periodId} onChange={(e) => setPeriodId(e.target.value)}>
            {unopened.map((id) => (
              <option key={id} value={id}>
                {periodName(id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        form={form}
        id="open-deadline"
        path="deadline"
        label={t('Hạn nộp')}
        hint={t(dateTimeHint)}
        value={deadline}
        placeholder="15/12/2026 17:00"
        onChange={setDeadline}
      />
      <div className="form-buttons">
        <button type="submit" disabled={form.sending}>
          {form.sending ? t('Đang gửi…') : t('Mở kỳ')}
        </button>
      </div>
      <GeneralProblems form={form} />
    </form>
  );
}

/** An open period: move its deadline, or close it after a second, confirming click. */
function OpenPeriodActions({
  cluster,
  year,
  period,
  onDone,
}: {
  cluster: string;
  year: number;
  period: PeriodInfo;
  onDone: (doneVi: string) => void;
}) {
  const form = useMutationForm();
  const t = useT();
  const periodName = usePeriodName();
  const [deadline, setDeadline] = useState('');
  const [confirming, setConfirming] = useState(false);
  const id = `period-${period.periodId}`;
  const variables = { clusterCode: cluster, periodId: period.periodId };

  async function move(event: SyntheticEvent) {
    event.preventDefault();
    const instant = parseHanoiDateTime(deadline);
    if (instant === null) {
      form.refuseLocally('deadline', badDateTime);
      return;
    }
    const moved = await form.run(
      'SetDeadline',
      'setDeadline',
      { ...variables, deadline: instant },
      ['deadline', 'periodId'],
    );
    if (!moved) return;
    await until(async () =>
      (await periodsOf(cluster, year)).some(
        (p) => p.periodId === period.periodId && Date.parse(p.deadline) === Date.parse(instant),
      ),
    );
    onDone(
      t('Đã dời hạn nộp kỳ {period} đến {deadline}', {
        period: periodName(period.periodId),
        deadline,
      }),
    );
  }

  async function close() {
    setConfirming(false);
    const closed = await form.run('ClosePeriod', 'closePeriod', variables, ['periodId']);
    if (!closed) return;
    await until(async () =>
      (await periodsOf(cluster, year)).some(
        (p) => p.periodId === period.periodId && p.status !== 'OPEN',
      ),
    );
    onDone(t('Đã đóng kỳ {period}', { period: periodName(period.periodId) }));
  }

  return (
    <form className="period-actions form-grid" onSubmit={(event) => void move(event)}>
      <TextField
        form={form}
        id={`${id}-deadline`}
        path="deadline"
        label={t('Hạn nộp mới')}
        hint={t(dateTimeHint)}
        value={deadline}
        placeholder="20/12/2026 17:00"
        onChange={setDeadline}
      />
      <div className="form-buttons">
        <button type="submit" disabled={form.sending}>
          {t('Dời hạn nộp')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void close()}>
              {t('Xác nhận đóng kỳ')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('Thôi')}
            </button>
          </>
        ) : (
          <button type="button" disabled={form.sending} onClick={() => setConfirming(true)}>
            {t('Đóng kỳ')}
          </button>
        )}
      </div>
      {confirming && (
        <p className="muted">
          {t(
            'Sau khi đóng, đơn vị không nộp được báo cáo kỳ này nữa và xếp hạng trở thành chính thức.',
          )}
        </p>
      )}
      <GeneralProblems form={form} />
    </form>
  );
}

type Adjustments = NonNullable<AdjustmentsQuery['scorecard']>;

const itemCount = (a: Adjustments | null | undefined) =>
  a == null ? 0 : a.bonusItems.length + a.deductionItems.length;

/** A unit's bonus and deduction items of a period, each with its reason. */
function AdjustmentList({ found }: { found: Adjustments }) {
  const t = useT();
  const rows = [
    ...found.bonusItems.map((item) => ({ ...item, kind: t('Điểm thưởng'), sign: '+' })),
    ...found.deductionItems.map((item) => ({ ...item, kind: t('Điểm trừ'), sign: '−' })),
  ];
  if (rows.length === 0)
    return <p className="muted">{t('Chưa có điểm thưởng hay điểm trừ nào.')}</p>;
  return (
    <table className="adjustments">
      <thead>
        <tr>
          <th>{t('Loại')}</th>
          <th className="number">{t('Điểm')}</th>
          <th>{t('Lý do')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>
              {row.kind}
              {row.disqualifying && <span className="badge late"> {t('không xét thi đua')}</span>}
            </td>
            <td className="number">
              {row.sign}
              {formatDecimal(row.points)}
            </td>
            <td className="reason">{row.reason}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>{t('Tính vào tổng điểm')}</th>
          <td className="number">
            +{formatDecimal(found.bonus)} / −{formatDecimal(found.deductions)}
          </td>
          <td className="muted">{t('Điểm thưởng tính đến mức trần của bảng chấm điểm.')}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Bonus and deduction items for a member's period, with their reasons. */
function AdjustmentsSection({ info }: { info: ClusterInfo }) {
  const form = useMutationForm();
  const t = useT();
  const periodName = usePeriodName();
  const members = [...info.members].sort((a, b) => vietnameseCollator.compare(a.name, b.name));
  const [periodId, setPeriodId] = useState(
    info.periods.find((p) => p.status === 'OPEN')?.periodId ?? info.periods[0]?.periodId ?? '',
  );
  const [unitCode, setUnitCode] = useState(members[0]?.unitCode ?? '');
  const [kind, setKind] = useState<'BONUS' | 'DEDUCTION'>('BONUS');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [disqualifying, setDisqualifying] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const items = useQuery<AdjustmentsQuery>(
    'Adjustments',
    periodId === '' || unitCode === '' ? null : { unit: unitCode, period: periodId },
  );
  const { reload } = items;

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    setDone(null);
    const before = itemCount(items.data?.scorecard);
    const common = { unitCode, periodId, points: parseVietnameseDecimal(points), reason };
    const added =
      kind === 'BONUS'
        ? await form.run('AddBonus', 'addBonus', common, [
            'points',
            'reason',
            'unitCode',
            'periodId',
          ])
        : await form.run('AddDeduction', 'addDeduction', { ...common, disqualifying }, [
            'points',
            'reason',
            'unitCode',
            'periodId',
            'disqualifying',
          ]);
    if (!added) return;
    // Scoring recounts the scorecard behind Kafka; the item shows once it has.
    await until(async () => {
      const answer = await request<AdjustmentsQuery>('Adjustments', {
        unit: unitCode,
        period: periodId,
      });
      return itemCount(answer.scorecard) > before;
    });
    const name = members.find((m) => m.unitCode === unitCode)?.name ?? unitCode;
    setDone(
      t(kind === 'BONUS' ? 'Đã ghi điểm thưởng cho {unit}' : 'Đã ghi điểm trừ cho {unit}', {
        unit: name,
      }),
    );
    setPoints('');
    setReason('');
    setDisqualifying(false);
    reload();
  }

  if (info.periods.length === 0) return null;
  return (
    <section className="card" aria-labelledby="adjustments-title">
      <h2 id="adjustments-title">{t('Điểm thưởng, điểm trừ')}</h2>
      <form className="form-grid" onSubmit={(event) => void send(event)}>
        <Field form={form} id="adjust-period" path="periodId" label={t('Kỳ')}>
          {(control) => (
            <select {...control} value={periodId} onChange={(e) => setPeriodId(e.target.value)}>
              {info.periods.map((p) => (
                <option key={p.periodId} value={p.periodId}>
                  {periodName(p.periodId)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} id="adjust-unit" path="unitCode" label={t('Đơn vị')}>
          {(control) => (
            <select {...control} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {members.map((m) => (
                <option key={m.unitCode} value={m.unitCode}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoiceField id="adjust-kind" legend={t('Loại')}>
          <label>
            <input
              type="radio"
              name="adjust-kind"
              checked={kind === 'BONUS'}
              onChange={() => setKind('BONUS')}
            />{' '}
            {t('Điểm thưởng')}
          </label>
          <label>
            <input
              type="radio"
              name="adjust-kind"
              checked={kind === 'DEDUCTION'}
              onChange={() => setKind('DEDUCTION')}
            />{' '}
            {t('Điểm trừ')}
          </label>
        </ChoiceField>
        <TextField
          form={form}
          id="adjust-points"
          path="points"
          label={t('Số điểm')}
          hint={t('ví dụ 1,50')}
          inputMode="decimal"
          value={points}
          onChange={setPoints}
        />
        <TextField
          form={form}
          id="adjust-reason"
          path="reason"
          label={t('Lý do')}
          rows={2}
          value={reason}
          onChange={setReason}
        />
        {kind === 'DEDUCTION' && (
          <label className="check">
            <input
              type="checkbox"
              checked={disqualifying}
              onChange={(e) => setDisqualifying(e.target.checked)}
            />{' '}
            {t('Không xét danh hiệu Xuất sắc và khen thưởng')}
          </label>
        )}
        <div className="form-buttons">
          <button type="submit" disabled={form.sending || unitCode === ''}>
            {form.sending ? t('Đang gửi…') : t('Ghi')}
          </button>
        </div>
        <GeneralProblems form={form} />
      </form>
      {done !== null && (
        <p className="success-box" role="status">
          {done}
        </p>
      )}
      <h3>
        {t('Các khoản của {unit}, {period}', {
          unit: members.find((m) => m.unitCode === unitCode)?.name ?? unitCode,
          period: periodName(periodId),
        })}
      </h3>
      {items.loading && items.data === null && <Loading what="điểm thưởng, điểm trừ" />}
      {items.error !== null && <ErrorBox error={items.error} />}
      {items.data !== null &&
        (items.data.scorecard === null ? (
          <p className="muted">{t('Đơn vị chưa có bảng điểm kỳ này (chưa nộp báo cáo).')}</p>
        ) : (
          <AdjustmentList found={items.data.scorecard} />
        ))}
    </section>
  );
}

/**
 * A cluster's management for a year, for its lead, deputies (bonus and deduction items) and the
 * central board: periods opened, their deadlines moved, closed.
 */
export function ManagePage({ me, cluster, year }: { me: Me; cluster: string; year: number }) {
  const found = useQuery<{ cluster: ClusterInfo | null }>('Cluster', { code: cluster, year });
  const [done, setDone] = useState<string | null>(null);
  const t = useT();
  const periodName = usePeriodName();
  const { reload } = found;
  const role = me.roles.find((r) => r.clusterCode === cluster && r.year === year)?.role;
  const manages = me.central || role === 'LEAD';

  if (found.loading && found.data === null) return <Loading what="cụm" />;
  if (found.error !== null) return <ErrorBox error={found.error} />;
  const info = found.data?.cluster;
  if (info == null)
    return <p>{t('Cụm {cluster} chưa được xác lập cho năm {year}.', { cluster, year })}</p>;
  const finish = (text: string) => {
    setDone(text);
    reload();
  };

  return (
    <div className="manage">
      <h1>
        {t('Quản lý {cluster}', { cluster: info.name })}{' '}
        <span className="muted">{t('· năm {year}', { year })}</span>
      </h1>
      <p className="actions">
        <Link to="/">{t('Về trang chủ')}</Link>
        <Link to={`/khen-thuong/${encodeURIComponent(cluster)}/${year}`}>
          {t('Khen thưởng năm {year}', { year })}
        </Link>
      </p>
      {done !== null && (
        <p className="success-box" role="status">
          {done}
        </p>
      )}
      <section className="card" aria-labelledby="periods-title">
        <h2 id="periods-title">{t('Các kỳ')}</h2>
        {info.periods.length === 0 && <p>{t('Chưa có kỳ nào.')}</p>}
        {info.periods.map((period) => (
          <div key={period.periodId} className="period" data-period={period.periodId}>
            <h3>
              {periodName(period.periodId)} · {t('hạn nộp')}{' '}
              <span className="deadline">{formatDateTime(period.deadline)}</span>{' '}
              {period.status === 'OPEN' ? (
                <span className="badge open">{t('Đang mở')}</span>
              ) : (
                <span className="badge closed">{t('Đã đóng')}</span>
              )}
            </h3>
            {manages && period.status === 'OPEN' && (
              <OpenPeriodActions cluster={cluster} year={year} period={period} onDone={finish} />
            )}
          </div>
        ))}
        {manages && info.periods.length < 2 && (
          <OpenPeriodForm cluster={cluster} year={year} periods={info.periods} onDone={finish} />
        )}
        {!manages && (
          <p className="muted">
            {t('Chỉ cụm trưởng và Ban Tổ chức Trung ương mở, dời hạn và đóng kỳ.')}
          </p>
        )}
      </section>
      {me.central || role === 'LEAD' || role === 'DEPUTY' ? (
        <AdjustmentsSection info={info} />
      ) : (
        <p className="muted">
          {t('Cụm trưởng, cụm phó và Ban Tổ chức Trung ương ghi điểm thưởng, điểm trừ.')}
        </p>
      )}
    </div>
  );
}
