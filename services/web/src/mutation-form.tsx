import { useState, type ReactNode } from 'react';
import type { FieldProblem } from './api-types.ts';
import { refusalOfError, request } from './client.ts';
import './forms.css';
import { sayIn, translate, useLanguage, useT, type Bilingual } from './i18n.ts';

/** What every mutation of schema/graphql/operations answers: its payload or a typed refusal. */
interface MutationResult {
  __typename: string;
  /** on a ValidationError: each refused field */
  fields?: FieldProblem[];
  /** on every refusal */
  message?: string;
  messageVi?: string;
}

const refusals = new Set(['ValidationError', 'ConflictError', 'ForbiddenError', 'NotFoundError']);

export interface MutationForm {
  sending: boolean;
  /**
   * The API's Vietnamese refusals of the field at `path` or inside it (`members` takes
   * `members.2.unitCode`, prefixed with the part below the field's path).
   */
  problemAt: (path: string) => string | undefined;
  /** The refusals at or inside `path`, each with its full path and its text in the language. */
  problemsUnder: (path: string) => { path: string; text: string }[];
  /** Refusals that name no field shown on the form: the whole message, or the field's path. */
  general: string[];
  /**
   * Sends the mutation; true when accepted. `shown` lists the paths the form has a field for; a
   * refusal of another path is listed under the form with its path.
   */
  run: (operation: string, field: string, variables: object, shown: string[]) => Promise<boolean>;
  /**
   * Marks a field refused before sending (e.g. a date that does not read), in the same place; the
   * Vietnamese text is also the dictionary's key for its English.
   */
  refuseLocally: (path: string, messageVi: string) => void;
}

/** A refusal in both languages; `path` null when it names no field. */
type Refusal = { path: string | null; message: string; messageVi: string };

const isUnder = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

export function useMutationForm(): MutationForm {
  const language = useLanguage();
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<Refusal[]>([]);
  const say = (refusal: Bilingual) => sayIn(language, refusal);

  async function run(operation: string, field: string, variables: object, shown: string[]) {
    setSending(true);
    setProblems([]);
    setGeneral([]);
    try {
      const data = await request<Record<string, MutationResult>>(operation, variables);
      const result = data[field];
      if (result === undefined || !refusals.has(result.__typename)) return true;
      if (result.fields !== undefined && result.fields.length > 0) {
        const placed = (p: FieldProblem) => shown.some((s) => isUnder(p.path, s));
        setProblems(result.fields.filter(placed));
        setGeneral(result.fields.filter((p) => !placed(p)));
      } else {
        const messageVi = result.messageVi ?? result.__typename;
        setGeneral([{ path: null, message: result.message ?? messageVi, messageVi }]);
      }
      return false;
    } catch (error) {
      const { message, messageVi } = refusalOfError(error);
      setGeneral([{ path: null, message, messageVi }]);
      return false;
    } finally {
      setSending(false);
    }
  }

  const problemsUnder = (path: string) =>
    problems.filter((p) => isUnder(p.path, path)).map((p) => ({ path: p.path, text: say(p) }));
  return {
    sending,
    problemAt: (path) => {
      const found = problemsUnder(path).map((p) =>
        p.path === path ? p.text : `${p.path.slice(path.length + 1)}: ${p.text}`,
      );
      return found.length === 0 ? undefined : found.join('; ');
    },
    problemsUnder,
    general: general.map((p) => (p.path === null ? say(p) : `${p.path}: ${say(p)}`)),
    run,
    refuseLocally: (path, messageVi) => {
      setGeneral([]);
      setProblems([{ path, message: translate('en', messageVi), messageVi }]);
    },
  };
}

export interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Where a field's refusal comes from: the form's refusals of `path`, or one given as `problem`. */
interface FieldRefusal {
  form?: MutationForm;
  path?: string;
  problem?: string | undefined;
}

function refusalOf({ form, path, problem }: FieldRefusal): string | undefined {
  const found = problem ?? (path === undefined ? undefined : form?.problemAt(path));
  return found === '' ? undefined : found;
}

/** The refusal under a field or a row of a table, read out when it appears. */
export function FieldError({ id, problem }: { id?: string; problem: string | undefined }) {
  if (problem === undefined || problem === '') return null;
  return (
    <span className="field-error" id={id} role="alert">
      {problem}
    </span>
  );
}

/** A labelled control with its hint and its refusal right under it. */
export function Field({
  id,
  label,
  hint,
  children,
  ...refusal
}: FieldRefusal & {
  id: string;
  label: string;
  hint?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const problem = refusalOf(refusal);
  const described = [
    hint === undefined ? null : `${id}-hint`,
    problem === undefined ? null : `${id}-error`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={problem === undefined ? 'form-field' : 'form-field invalid'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problem !== undefined,
        'aria-describedby': described === '' ? undefined : described,
      })}
      {hint !== undefined && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} problem={problem} />
    </div>
  );
}

/** A text box as a Field: one line, or `rows` lines. */
export function TextField({
  value,
  onChange,
  rows,
  placeholder,
  inputMode,
  spellCheck,
  ...field
}: FieldRefusal & {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  inputMode?: 'decimal';
  spellCheck?: boolean;
}) {
  const typed = { value, placeholder, spellCheck };
  return (
    <Field {...field}>
      {(control) =>
        rows === undefined ? (
          <input
            {...control}
            {...typed}
            inputMode={inputMode}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <textarea
            {...control}
            {...typed}
            rows={rows}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A group of checkboxes or radio buttons under its legend, with its refusal under them. */
export function ChoiceField({
  id,
  legend,
  children,
  ...refusal
}: FieldRefusal & { id: string; legend: string; children: ReactNode }) {
  const problem = refusalOf(refusal);
  return (
    <fieldset
      className="choice"
      id={id}
      aria-describedby={problem === undefined ? undefined : `${id}-error`}
    >
      <legend>{legend}</legend>
      {children}
      <FieldError id={`${id}-error`} problem={problem} />
    </fieldset>
  );
}

/** Refusals that name no field of the form. */
export function GeneralProblems({ form }: { form: MutationForm }) {
  const t = useT();
  if (form.general.length === 0) return null;
  return (
    <div className="error-box" role="alert">
      <strong>{t('Không thực hiện được')}</strong>
      {form.general.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}
