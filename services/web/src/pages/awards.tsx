import { useState, type SyntheticEvent } from 'react';
import type { ClusterInfo, Me } from '../api-types.ts';
import { request } from '../client.ts';
import { vietnameseCollator } from '../format.ts';
import { useT } from '../i18n.ts';
import { Field, GeneralProblems, TextField, useMutationForm } from '../mutation-form.tsx';
import { ErrorBox, Loading } from '../ui.tsx';
import type { AwardsQuery } from '../operations.generated.ts';
import { useQuery } from '../use-query.ts';

type AwardSheet = NonNullable<AwardsQuery['awards']>;
type AwardLine = AwardSheet['lines'][number];
type PendingVote = NonNullable<AwardSheet['pendingVote']>;

const awardNames = { FLAG: 'Cờ thi đua', MERIT: 'Bằng khen' } as const;

const decisionNames: Record<string, string> = {
  APPROVE: 'Phê duyệt',
  APPROVE_LOWER: 'Phê duyệt ở mức thấp hơn',
  RETURN: 'Trả lại',
  REJECT: 'Không phê duyệt',
};

/** `15/01/2024` → `2024-01-15`, the API's date; null when it is no date. */
function isoDate(typed: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed.trim());
  if (match === null) return null;
  const [, day = '', month = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

/** The central board's decision on one line of a cluster's award proposal. */
function DecisionForm({
  cluster,
  year,
  lines,
  onDecided,
}: {
  cluster: string;
  year: number;
  lines: AwardLine[];
  onDecided: () => void;
}) {
  const form = useMutationForm();
  const t = useT();
  const [unitCode, setUnitCode] = useState(lines.find((l) => l.decision === null)?.unitCode ?? '');
  const line = lines.find((l) => l.unitCode === unitCode);
  const [decision, setDecision] = useState('APPROVE');
  const [award, setAward] = useState<'FLAG' | 'MERIT' | null>(null);
  const [reason, setReason] = useState('');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [signer, setSigner] = useState('');

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    const date = isoDate(decidedOn);
    if (date === null) {
      form.refuseLocally(
        'decidedOn',
        'Ngày quyết định cần viết dạng ngày/tháng/năm, ví dụ 15/01/2024.',
      );
      return;
    }
    const decided = await form.run(
      'DecideAward',
      'decideAward',
      {
        clusterCode: cluster,
        year,
        unitCode,
        award: award ?? line?.proposed ?? 'MERIT',
        decision,
        reason,
        decisionNumber,
        decidedOn: date,
        signer,
      },
      ['unitCode', 'decision', 'award', 'reason', 'decisionNumber', 'decidedOn', 'signer'],
    );
    if (decided) onDecided();
  }

  return (
    <form className="card decision no-print" onSubmit={(event) => void send(event)}>
      <h2>{t('Quyết định của Ban Tổ chức Trung ương')}</h2>
      <Field form={form} id="decision-unit" path="unitCode" label={t('Đơn vị')}>
        {(control) => (
          <select {...control} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            {lines.map((l) => (
              <option key={l.unitCode} value={l.unitCode}>
                {l.unitCode} ({t(awardNames[l.proposed])})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} id="decision-kind" path="decision" label={t('Quyết định')}>
        {(control) => (
          <select {...control} value={decision} onChange={(e) => setDecision(e.target.value)}>
            {Object.entries(decisionNames).map(([code, name]) => (
              <option key={code} value={code}>
                {t(name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        id="decision-award"
        path="award"
        label={t('Hình thức khen thưởng')}
        hint={t('hình thức được đề nghị; phê duyệt ở mức thấp hơn hạ Cờ thi đua xuống Bằng khen')}
      >
        {(control) => (
          <select
            {...control}
            value={award ?? line?.proposed ?? 'MERIT'}
            onChange={(e) => setAward(e.target.value === 'FLAG' ? 'FLAG' : 'MERIT')}
          >
            <option value="FLAG">{t(awardNames.FLAG)}</option>
            <option value="MERIT">{t(awardNames.MERIT)}</option>
          </select>
        )}
      </Field>
      <TextField
        form={form}
        id="decision-reason"
        path="reason"
        label={t('Lý do')}
        value={reason}
        onChange={setReason}
      />
      <TextField
        form={form}
        id="decision-number"
        path="decisionNumber"
        label={t('Số quyết định')}
        value={decisionNumber}
        placeholder="15/QĐ-BTCTW"
        onChange={setDecisionNumber}
      />
      <TextField
        form={form}
        id="decision-date"
        path="decidedOn"
        label={t('Ngày quyết định')}
        value={decidedOn}
        placeholder="dd/mm/yyyy"
        onChange={setDecidedOn}
      />
      <TextField
        form={form}
        id="decision-signer"
        path="signer"
        label={t('Người ký')}
        value={signer}
        onChange={setSigner}
      />
      <button type="submit" disabled={form.sending || unitCode === ''}>
        {form.sending ? t('Đang gửi…') : t('Ghi quyết định')}
      </button>
      <GeneralProblems form={form} />
    </form>
  );
}

/**
 * The cluster's vote on a tie at the quota boundary: which of the tied units take the seats. The
 * lead of the year or the central board records it.
 */
function TieVoteForm({
  cluster,
  year,
  vote,
  nameOf,
  onRecorded,
}: {
  cluster: string;
  year: number;
  vote: PendingVote;
  nameOf: (code: string) => string;
  onRecorded: () => void;
}) {
  const form = useMutationForm();
  const t = useT();
  const [winners, setWinners] = useState<string[]>([]);

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    const recorded = await form.run(
      'RecordTieVote',
      'recordTieVote',
      { clusterCode: cluster, year, award: vote.award, rank: vote.rank, winners },
      ['winners'],
    );
    if (recorded) onRecorded();
  }

  return (
    <form className="card tie-vote no-print" onSubmit={(event) => void send(event)}>
      <h2>{t('Biểu quyết đồng hạng')}</h2>
      <p>
        {t(
          '{units} đơn vị đồng hạng {rank} tranh {seats} suất {award}. Ghi kết quả biểu quyết của cụm: chọn {seats} đơn vị được đề nghị.',
          {
            units: vote.units.length,
            rank: vote.rank,
            seats: vote.seats,
            award: t(awardNames[vote.award]),
          },
        )}
      </p>
      <fieldset className="choice" aria-describedby="tie-winners-error">
        <legend>{t('Đơn vị được đề nghị')}</legend>
        {vote.units.map((code) => (
          <label key={code}>
            <input
              type="checkbox"
              checked={winners.includes(code)}
              onChange={(e) =>
                setWinners(
                  e.target.checked ? [...winners, code] : winners.filter((w) => w !== code),
                )
              }
            />{' '}
            {nameOf(code)}
          </label>
        ))}
        {form.problemAt('winners') !== undefined && (
          <span className="field-error" id="tie-winners-error" role="alert">
            {form.problemAt('winners')}
          </span>
        )}
      </fieldset>
      <button type="submit" disabled={form.sending}>
        {form.sending ? t('Đang gửi…') : t('Ghi kết quả biểu quyết')}
      </button>
      <GeneralProblems form={form} />
    </form>
  );
}

/** A cluster's award sheet for a year: the proposal, each line's decision, what was granted. */
export function AwardsPage({ me, cluster, year }: { me: Me; cluster: string; year: number }) {
  const sheet = useQuery<AwardsQuery>('Awards', { cluster, year });
  const members = useQuery<{ cluster: ClusterInfo | null }>('Cluster', { code: cluster, year });
  const [waiting, setWaiting] = useState(false);
  const t = useT();
  const { reload } = sheet;

  if (sheet.loading && sheet.data === null) return <Loading what="danh sách khen thưởng" />;
  if (sheet.error !== null) return <ErrorBox error={sheet.error} />;
  const found = sheet.data?.awards;
  if (found == null) return <p>{t('Chưa có đề nghị khen thưởng: kỳ cuối năm chưa đóng.')}</p>;
  const names = new Map(members.data?.cluster?.members.map((m) => [m.unitCode, m.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const lines = [...found.lines].sort(
    (a, b) => a.rank - b.rank || vietnameseCollator.compare(nameOf(a.unitCode), nameOf(b.unitCode)),
  );

  // The awards service publishes the new sheet after Kafka: ask again until its revision moves.
  const awaitNewSheet = async () => {
    setWaiting(true);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { awards } = await request<AwardsQuery>('Awards', { cluster, year });
      if (awards !== null && awards.revision > found.revision) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    setWaiting(false);
    reload();
  };

  return (
    <div className="awards">
      <h1>
        {t('Khen thưởng năm {year}', { year })} <span className="muted">({cluster})</span>
      </h1>
      {waiting && <p role="status">{t('Đang cập nhật danh sách…')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('Hạng')}</th>
            <th>{t('Đơn vị')}</th>
            <th>{t('Đề nghị')}</th>
            <th>{t('Quyết định')}</th>
            <th>{t('Được tặng')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.unitCode} data-unit={line.unitCode}>
              <td className="rank">{line.rank}</td>
              <td>{nameOf(line.unitCode)}</td>
              <td>
                {t(awardNames[line.proposed])}
                {line.status === 'TIED' && (
                  <span className="muted">{t(' · đồng hạng, chờ biểu quyết')}</span>
                )}
              </td>
              <td className="decided">
                {line.decision === null ? (
                  <span className="muted">{t('Chưa quyết định')}</span>
                ) : (
                  <>
                    {t('{decision} · số {number} ngày {date} · {signer}', {
                      decision: t(decisionNames[line.decision.decision] ?? line.decision.decision),
                      number: line.decision.decisionNumber,
                      date: vietnameseDate(line.decision.decidedOn),
                      signer: line.decision.signer,
                    })}
                    <br />
                    <span className="muted">
                      {t('Lý do: {reason}', { reason: line.decision.reason })}
                    </span>
                  </>
                )}
              </td>
              <td className="granted">
                {line.granted === null ? '–' : t(awardNames[line.granted])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {found.pendingVote !== null &&
        (me.central ||
          me.roles.some(
            (r) => r.clusterCode === cluster && r.year === year && r.role === 'LEAD',
          )) && (
          <TieVoteForm
            cluster={cluster}
            year={year}
            vote={found.pendingVote}
            nameOf={nameOf}
            onRecorded={() => void awaitNewSheet()}
          />
        )}
      {me.central && lines.length > 0 && (
        <DecisionForm
          cluster={cluster}
          year={year}
          lines={lines}
          onDecided={() => void awaitNewSheet()}
        />
      )}
    </div>
  );
}
