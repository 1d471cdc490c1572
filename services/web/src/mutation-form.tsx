import { useState, type ReactNode } from 'react';
import type { FieldProblem } from './api-types.ts';
import { ApiError, request } from './client.ts';
import './forms.css';

/** What every mutation of schema/graphql/operations answers: its payload or a typed refusal. */
interface MutationResult {
  __typename: string;
  /** on a ValidationError: each refused field */
  fields?: FieldProblem[];
  /** on every refusal */
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
  /** The refusals at or inside `path`, each with its full path. */
  problemsUnder: (path: string) => FieldProblem[];
  /** Refusals that name no field shown on the form: the whole message, or the field's path. */
  general: string[];
  /**
   * Sends the mutation; true when accepted. `shown` lists the paths the form has a field for; a
   * refusal of another path is listed under the form with its path.
   */
  run: (operation: string, field: string, variables: object, shown: string[]) => Promise<boolean>;
  /** Marks a field refused before sending (e.g. a date that does not read), in the same place. */
  refuseLocally: (path: string, messageVi: string) => void;
}

const isUnder = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

export function useMutationForm(): MutationForm {
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string[]>([]);

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
        setGeneral(result.fields.filter((p) => !placed(p)).map((p) => `${p.path}: ${p.messageVi}`));
      } else setGeneral([result.messageVi ?? result.__typename]);
      return false;
    } catch (error) {
      setGeneral([error instanceof ApiError ? error.messageVi : 'Đã có lỗi xảy ra']);
      return false;
    } finally {
      setSending(false);
    }
  }

  const problemsUnder = (path: string) => problems.filter((p) => isUnder(p.path, path));
  return {
    sending,
    problemAt: (path) => {
      const found = problemsUnder(path).map((p) =>
        p.path === path ? p.messageVi : `${p.path.slice(path.length + 1)}: ${p.messageVi}`,
      );
      return found.length === 0 ? undefined : found.join('; ');
    },
    problemsUnder,
    general,
    run,
    refuseLocally: (path, messageVi) => {
      setGeneral([]);
      setProblems([{ path, message: messageVi, messageVi }]);
    },
  };
}

export interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled control with the API's refusal of its path right under it. */
export function Field({
  form,
  id,
  path,
  label,
  hint,
  children,
}: {
  form: MutationForm;
  id: string;
  path: string;
  label: string;
  hint?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const problem = form.problemAt(path);
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
      {problem !== undefined && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** Refusals that name no field of the form. */
export function GeneralProblems({ form }: { form: MutationForm }) {
  if (form.general.length === 0) return null;
  return (
    <div className="error-box" role="alert">
      <strong>Không thực hiện được</strong>
      {form.general.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}
