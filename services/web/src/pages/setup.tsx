import { useState, type SyntheticEvent } from 'react';
import type { ClusterInfo } from '../api-types.ts';
import { formatDecimal, vietnameseCollator } from '../format.ts';
import { useT } from '../i18n.ts';
import {
  ChoiceField,
  Field,
  FieldError,
  GeneralProblems,
  TextField,
  useMutationForm,
  type MutationForm,
} from '../mutation-form.tsx';
import { parseMemberLines } from '../member-lines.ts';
import type { ClustersQuery } from '../operations.generated.ts';
import { navigate } from '../router.ts';
import { ErrorBox, Link, Loading } from '../ui.tsx';
import { useQuery } from '../use-query.ts';

const memberLinesOf = (info: ClusterInfo) =>
  info.members
    .map((m) => [m.unitCode, m.name, ...(m.mergedFrom.length ? [m.mergedFrom.join(', ')] : [])])
    .map((parts) => parts.join(' | '))
    .join('\n');

const codesOf = (text: string) =>
  text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');

function ClusterPicker({
  id,
  label,
  clusters,
  value,
  onChange,
  form,
}: {
  id: string;
  label: string;
  clusters: { code: string; name: string }[];
  value: string;
  onChange: (code: string) => void;
  form: MutationForm;
}) {
  return (
    <Field form={form} id={id} path="clusterCode" label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {clusters.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Defines a cluster of the year (or redefines one, loaded into the form): members, name, lead. */
function DefineClusterForm({
  year,
  clusters,
  onDone,
}: {
  year: number;
  clusters: { code: string; name: string }[];
  onDone: (doneVi: string) => void;
}) {
  const form = useMutationForm();
  const [clusterCode, setClusterCode] = useState('');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [lead, setLead] = useState('');
  const [deputies, setDeputies] = useState('');
  const [loadFrom, setLoadFrom] = useState('');
  const t = useT();
  const loaded = useQuery<{ cluster: ClusterInfo | null }>(
    'Cluster',
    loadFrom === '' ? null : { code: loadFrom, year },
  );
  const [filledFrom, setFilledFrom] = useState('');
  const found = loaded.data?.cluster;
  if (found != null && loadFrom !== '' && filledFrom !== loadFrom) {
    // Fill the form once per cluster loaded, then leave it to the user's edits.
    setFilledFrom(loadFrom);
    setClusterCode(loadFrom);
    setName(found.name);
    setMembers(memberLinesOf(found));
    setLead(found.lead ?? '');
    setDeputies(found.deputies.join(', '));
  }
  const parsed = parseMemberLines(members);

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    const defined = await form.run(
      'DefineCluster',
      'defineCluster',
      {
        clusterCode: clusterCode.trim(),
        name: name.trim(),
        year,
        members: parsed.map((m) => ({
          unitCode: m.unitCode,
          name: m.name,
          ...(m.mergedFrom.length ? { mergedFrom: m.mergedFrom } : {}),
        })),
        lead: lead.trim() === '' ? null : lead.trim(),
        deputies: codesOf(deputies),
      },
      ['clusterCode', 'name', 'members', 'lead', 'deputies'],
    );
    if (defined) {
      onDone(
        t('Đã xác lập {name} ({cluster}) năm {year}', {
          name: name.trim(),
          cluster: clusterCode.trim(),
          year,
        }),
      );
    }
  }

  return (
    <section className="card" aria-labelledby="define-title">
      <h2 id="define-title">{t('Xác lập cụm thi đua')}</h2>
      {clusters.length > 0 && (
        <Field id="define-load" label={t('Sửa cụm đã có')}>
          {(control) => (
            <select {...control} value={loadFrom} onChange={(e) => setLoadFrom(e.target.value)}>
              <option value="">{t('— cụm mới —')}</option>
              {clusters.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <form className="form-grid" onSubmit={(event) => void send(event)}>
        <TextField
          form={form}
          id="define-code"
          path="clusterCode"
          label={t('Mã cụm')}
          hint={t('ví dụ cum-4')}
          value={clusterCode}
          onChange={setClusterCode}
        />
        <TextField
          form={form}
          id="define-name"
          path="name"
          label={t('Tên cụm')}
          value={name}
          onChange={setName}
        />
        <TextField
          form={form}
          id="define-members"
          path="members"
          label={t('Đơn vị thành viên ({count})', { count: parsed.length })}
          hint={t('mỗi dòng một đơn vị: mã | tên | sáp nhập từ (mã, mã); dán từ Excel cũng được')}
          rows={8}
          value={members}
          placeholder={
            'ha-tinh | Ban Tổ chức Tỉnh ủy Hà Tĩnh\nnghe-an | Ban Tổ chức Tỉnh ủy Nghệ An'
          }
          onChange={setMembers}
        />
        <TextField
          form={form}
          id="define-lead"
          path="lead"
          label={t('Cụm trưởng (mã đơn vị)')}
          value={lead}
          onChange={setLead}
        />
        <TextField
          form={form}
          id="define-deputies"
          path="deputies"
          label={t('Cụm phó (mã đơn vị)')}
          hint={t('cách nhau bởi dấu phẩy')}
          value={deputies}
          onChange={setDeputies}
        />
        <div className="form-buttons">
          <button type="submit" disabled={form.sending}>
            {form.sending ? t('Đang gửi…') : t('Xác lập cụm')}
          </button>
        </div>
        <GeneralProblems form={form} />
      </form>
    </section>
  );
}

/** Sets a cluster's lead and deputies for the year, from its members. */
function SetLeadForm({
  year,
  clusters,
  onDone,
}: {
  year: number;
  clusters: { code: string; name: string }[];
  onDone: (doneVi: string) => void;
}) {
  const form = useMutationForm();
  const [clusterCode, setClusterCode] = useState(clusters[0]?.code ?? '');
  const [choice, setChoice] = useState<{ lead: string; deputies: string[] } | null>(null);
  const t = useT();
  const found = useQuery<{ cluster: ClusterInfo | null }>('Cluster', { code: clusterCode, year });
  const info = found.data?.cluster;
  const lead = choice?.lead ?? info?.lead ?? '';
  const deputies = choice?.deputies ?? info?.deputies ?? [];
  const members = [...(info?.members ?? [])].sort((a, b) =>
    vietnameseCollator.compare(a.name, b.name),
  );

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    const set = await form.run('SetLead', 'setLead', { clusterCode, year, lead, deputies }, [
      'clusterCode',
      'lead',
      'deputies',
    ]);
    if (set) {
      onDone(
        t('Đã đặt cụm trưởng, cụm phó của {cluster} năm {year}', { cluster: clusterCode, year }),
      );
    }
  }

  return (
    <section className="card" aria-labelledby="lead-title">
      <h2 id="lead-title">{t('Cụm trưởng, cụm phó')}</h2>
      <form className="form-grid" onSubmit={(event) => void send(event)}>
        <ClusterPicker
          id="lead-cluster"
          label={t('Cụm')}
          clusters={clusters}
          value={clusterCode}
          form={form}
          onChange={(code) => {
            setClusterCode(code);
            setChoice(null);
          }}
        />
        {found.error !== null && <ErrorBox error={found.error} />}
        <Field form={form} id="lead-lead" path="lead" label={t('Cụm trưởng')}>
          {(control) => (
            <select
              {...control}
              value={lead}
              onChange={(e) => setChoice({ lead: e.target.value, deputies })}
            >
              <option value="">—</option>
              {members.map((m) => (
                <option key={m.unitCode} value={m.unitCode}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoiceField form={form} id="lead-deputies" path="deputies" legend={t('Cụm phó')}>
          {members.map((m) => (
            <label key={m.unitCode}>
              <input
                type="checkbox"
                checked={deputies.includes(m.unitCode)}
                onChange={(e) =>
                  setChoice({
                    lead,
                    deputies: e.target.checked
                      ? [...deputies, m.unitCode]
                      : deputies.filter((d) => d !== m.unitCode),
                  })
                }
              />{' '}
              {m.name}
            </label>
          ))}
        </ChoiceField>
        <div className="form-buttons">
          <button type="submit" disabled={form.sending || clusterCode === ''}>
            {form.sending ? t('Đang gửi…') : t('Đặt cụm trưởng, cụm phó')}
          </button>
        </div>
        <GeneralProblems form={form} />
      </form>
    </section>
  );
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const textOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const pointsOf = (value: unknown): string => {
  const text = textOf(value);
  return /^\d+(\.\d+)?$/.test(text) ? formatDecimal(text) : text;
};

const methodNames: Record<string, string> = {
  TARGET: 'Theo chỉ tiêu',
  BANDS: 'Theo khung',
  YES_NO: 'Có/Không',
  SELF_ASSESSED: 'Tự chấm',
  RELATIVE: 'So sánh trong cụm',
  COUNT: 'Theo số lượng',
};

/** The pasted scheme as tables, each row with the API's refusals of it. */
function SchemePreview({ scheme, form }: { scheme: Json; form: MutationForm }) {
  const t = useT();
  const rowProblem = (path: string) =>
    form
      .problemsUnder(path)
      .map((p) => p.text)
      .join('; ');
  const indicators = listOf(scheme.indicators);
  const headings = listOf(scheme.headings);
  return (
    <div className="scheme-preview" data-testid="scheme-preview">
      <p>
        <strong>{textOf(scheme.title)}</strong>{' '}
        <span className="muted">
          · {t('mã {code} · năm {year}', { code: textOf(scheme.code), year: textOf(scheme.year) })}
          {scheme.maxTotal !== undefined &&
            t(' · tối đa {points} điểm', { points: pointsOf(scheme.maxTotal) })}
        </span>
      </p>
      <table className="scheme-indicators">
        <caption>{t('Chỉ tiêu ({count})', { count: indicators.length })}</caption>
        <thead>
          <tr>
            <th>{t('Mã')}</th>
            <th>{t('Chỉ tiêu')}</th>
            <th>{t('Loại')}</th>
            <th className="number">{t('Tối đa')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator, i) => {
            const problem = rowProblem(`scheme.indicators.${i}`);
            return (
              <tr key={i} className={problem ? 'refused' : undefined}>
                <td>{textOf(indicator.code)}</td>
                <td>
                  {textOf(indicator.title)}
                  <FieldError problem={problem} />
                </td>
                <td>{textOf(indicator.kind)}</td>
                <td className="number">
                  {indicator.kind === 'COUNT'
                    ? pointsOf(indicator.maxValue).replace(/,00$/, '')
                    : pointsOf(indicator.maxValue)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="scheme-criteria">
        <caption>{t('Tiêu chí chấm điểm')}</caption>
        <thead>
          <tr>
            <th>{t('Mã')}</th>
            <th>{t('Tiêu chí')}</th>
            <th>{t('Cách chấm')}</th>
            <th>{t('Chỉ tiêu')}</th>
            <th className="number">{t('Điểm tối đa')}</th>
          </tr>
        </thead>
        {headings.map((heading, h) => (
          <tbody key={h}>
            <tr className="heading">
              <th colSpan={5}>
                {textOf(heading.code)}. {textOf(heading.title)}
                <FieldError problem={rowProblem(`scheme.headings.${h}.title`)} />
              </th>
            </tr>
            {listOf(heading.criteria).map((criterion, c) => {
              const problem = rowProblem(`scheme.headings.${h}.criteria.${c}`);
              const method = textOf(criterion.method);
              return (
                <tr
                  key={c}
                  data-criterion={textOf(criterion.code)}
                  className={problem ? 'refused' : undefined}
                >
                  <td>{textOf(criterion.code)}</td>
                  <td>
                    {textOf(criterion.title)}
                    <FieldError problem={problem} />
                  </td>
                  <td>{t(methodNames[method] ?? method)}</td>
                  <td>{textOf(criterion.indicator)}</td>
                  <td className="number">{pointsOf(criterion.maxPoints)}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

const rowPaths = /^scheme\.(indicators\.\d+|headings\.\d+\.(criteria\.\d+|title))(\.|$)/;

/** Assigns a year's scheme to a cluster: pasted as JSON, shown as tables before it is sent. */
function AssignSchemeForm({
  clusters,
  onDone,
}: {
  clusters: { code: string; name: string }[];
  onDone: (doneVi: string) => void;
}) {
  const form = useMutationForm();
  const t = useT();
  const [clusterCode, setClusterCode] = useState(clusters[0]?.code ?? '');
  const [text, setText] = useState('');
  let scheme: Json | null = null;
  let unreadable: string | null = null;
  if (text.trim() !== '') {
    try {
      const value: unknown = JSON.parse(text);
      if (isObject(value)) scheme = value;
      else unreadable = t('Bảng chấm điểm phải là một đối tượng JSON { … }');
    } catch (error) {
      unreadable = t('JSON không đọc được: {reason}', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  // Refusals of a row are shown in the table; the others at the pasted text.
  const atText = [
    ...(unreadable === null ? [] : [unreadable]),
    ...form
      .problemsUnder('scheme')
      .filter((p) => !rowPaths.test(p.path))
      .map((p) => (p.path === 'scheme' ? p.text : `${p.path.slice(7)}: ${p.text}`)),
  ];

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    if (scheme === null) return;
    const assigned = await form.run('AssignScheme', 'assignScheme', { clusterCode, scheme }, [
      'clusterCode',
      'scheme',
    ]);
    if (assigned) {
      onDone(
        t('Đã gán bảng chấm điểm {scheme} cho {cluster}', {
          scheme: textOf(scheme.code),
          cluster: clusterCode,
        }),
      );
      setText('');
    }
  }

  return (
    <section className="card" aria-labelledby="scheme-title">
      <h2 id="scheme-title">{t('Bảng chấm điểm')}</h2>
      <form className="form-grid" onSubmit={(event) => void send(event)}>
        <ClusterPicker
          id="scheme-cluster"
          label={t('Cụm')}
          clusters={clusters}
          value={clusterCode}
          form={form}
          onChange={setClusterCode}
        />
        <TextField
          id="scheme-json"
          label={t('Bảng chấm điểm (JSON)')}
          hint={t(
            'dán nội dung tệp JSON của bảng chấm điểm; bảng hiện bên dưới để kiểm tra trước khi gán',
          )}
          problem={atText.join('; ')}
          rows={8}
          spellCheck={false}
          value={text}
          onChange={setText}
        />
        {scheme !== null && <SchemePreview scheme={scheme} form={form} />}
        <div className="form-buttons">
          <button type="submit" disabled={form.sending || scheme === null || clusterCode === ''}>
            {form.sending ? t('Đang gửi…') : t('Gán bảng chấm điểm')}
          </button>
        </div>
        <GeneralProblems form={form} />
      </form>
    </section>
  );
}

/** The central board's setup of a year: clusters and members, leads, schemes. */
export function SetupPage({ year }: { year: number }) {
  const clusters = useQuery<ClustersQuery>('Clusters', { year, first: 100 });
  const [done, setDone] = useState<string | null>(null);
  const t = useT();
  const { reload } = clusters;
  const list = (clusters.data?.clusters.edges ?? []).map((e) => e.node);
  const finish = (text: string) => {
    setDone(text);
    reload();
  };
  return (
    <div className="setup">
      <h1>{t('Thiết lập thi đua năm {year}', { year })}</h1>
      <p className="actions">
        <Link to="/">{t('Về trang chủ')}</Link>
        <label className="inline">
          {t('Năm')}{' '}
          <select value={year} onChange={(e) => navigate(`/thiet-lap/${e.target.value}`)}>
            {[2023, 2024, 2025, 2026, 2027].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </p>
      {done !== null && (
        <p className="success-box" role="status">
          {done}
        </p>
      )}
      {clusters.loading && clusters.data === null && <Loading what="danh sách cụm" />}
      {clusters.error !== null && <ErrorBox error={clusters.error} />}
      {clusters.data !== null && (
        <>
          <DefineClusterForm key={`define-${year}`} year={year} clusters={list} onDone={finish} />
          {list.length > 0 && (
            <>
              <SetLeadForm key={`lead-${year}`} year={year} clusters={list} onDone={finish} />
              <AssignSchemeForm key={`scheme-${year}`} clusters={list} onDone={finish} />
            </>
          )}
        </>
      )}
    </div>
  );
}
