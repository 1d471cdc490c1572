import { periodId as periodIdSchema, slug } from '@thidua/schema';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import { createHash, randomUUID } from 'node:crypto';
import { actorCode, actorOf, type Viewer } from '../auth/viewer.ts';
import { maySeeScorecard } from '../auth/visibility.ts';
import type { GatewayContext } from '../builder.ts';
import { findMembership, reviewerRefusal } from '../commands/membership.ts';
import { FileRouteError, badRequest, notFound, unauthenticated } from '../files/http.ts';
import { yearOf } from '../period-year.ts';
import { cleanFileName, evidenceLimits, evidenceTypes, type EvidenceUpload } from './rules.ts';

/** An evidence file as listed: everything but its bytes. */
export interface EvidenceFileView {
  id: string;
  unitCode: string;
  periodId: string;
  criterion: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** The uploader's unit code, or `central`. */
  uploadedBy: string;
  uploadedAt: string;
}

const listed = [
  'id',
  'unit_code',
  'period_id',
  'criterion',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'uploaded_at',
] as const;

type ListedRow = {
  id: string;
  unit_code: string;
  period_id: string;
  criterion: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
};

export const viewOf = (row: ListedRow): EvidenceFileView => ({
  id: row.id,
  unitCode: row.unit_code,
  periodId: row.period_id,
  criterion: row.criterion,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at.toISOString(),
});

/** The signed-in caller; the routes refuse a request without a valid token before this. */
function requireViewer(context: GatewayContext): Viewer {
  if (context.viewer === null) throw unauthenticated();
  return context.viewer;
}

const forbidden = (message: string, messageVi: string, code = 'FORBIDDEN') =>
  new FileRouteError(403, code, message, messageVi);

const periodClosed = (periodId: string) =>
  forbidden(
    `period ${periodId} is closed: its evidence can no longer change`,
    `Kỳ ${periodId} đã đóng: không thể thay đổi minh chứng`,
    'PERIOD_CLOSED',
  );

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const noSuchFile = (id: string) =>
  notFound(`no evidence file ${id}`, `Không có tệp minh chứng ${id}`);

/** A required form field that `schema` accepts; a missing or malformed one is a 400. */
function field(
  fields: EvidenceUpload['fields'],
  name: keyof EvidenceUpload['fields'],
  valid: (value: string) => boolean,
  example: string,
): string {
  const value = fields[name]?.trim() ?? '';
  if (value === '') {
    throw badRequest(
      `the form field ${name} is required, e.g. ${example}`,
      `Thiếu trường ${name}, ví dụ ${example}`,
    );
  }
  if (!valid(value)) {
    throw badRequest(
      `${name}=${value} is not valid, e.g. ${example}`,
      `Trường ${name}=${value} không hợp lệ, ví dụ ${example}`,
    );
  }
  return value;
}

/** What the file's bytes are, if one of the kinds taken as evidence (never by its name). */
async function evidenceTypeOf(file: Buffer): Promise<{ ext: string; mediaType: string }> {
  const detected = await fileTypeFromBuffer(file);
  const mediaType = detected === undefined ? undefined : evidenceTypes[detected.ext];
  if (detected === undefined || mediaType === undefined) {
    const what =
      detected === undefined ? 'of no known kind' : `a ${detected.ext.toUpperCase()} file`;
    const whatVi =
      detected === undefined
        ? 'không thuộc loại nào đã biết'
        : `là tệp ${detected.ext.toUpperCase()}`;
    throw badRequest(
      `the file's content is ${what}; evidence must be PDF, DOCX, XLSX, JPEG or PNG, whatever its name`,
      `Nội dung tệp ${whatVi}; minh chứng phải là PDF, DOCX, XLSX, JPEG hoặc PNG, bất kể tên tệp`,
      'UNSUPPORTED_FILE_TYPE',
    );
  }
  return { ext: detected.ext, mediaType };
}

/**
 * `POST /evidence`: stores a file for a unit's criterion in a period. The unit itself may while
 * the period is open; its reviewers (the cluster's lead and deputies of the year, the central
 * board, never for their own unit) may at any time. The file's kind is read from its bytes, and
 * the unit's files of the period stay within 50 MB: the check and the insert run under a lock on
 * the unit's period, so two uploads at once cannot both slip under it.
 */
export async function uploadEvidence(
  context: GatewayContext,
  upload: EvidenceUpload,
): Promise<EvidenceFileView> {
  const viewer = requireViewer(context);
  const actor = actorOf(viewer);
  const unitCode = field(upload.fields, 'unit', (v) => slug.safeParse(v).success, 'unit=ha-tinh');
  const periodId = field(
    upload.fields,
    'period',
    (v) => periodIdSchema.safeParse(v).success,
    'period=2026-FY',
  );
  const criterion = field(
    upload.fields,
    'criterion',
    (v) => /^\d+(\.\d+)*$/.test(v),
    'criterion=2.3',
  );
  const { mediaType } = await evidenceTypeOf(upload.file);
  const sha256 = createHash('sha256').update(upload.file).digest('hex');
  const year = yearOf(periodId);

  return context.db.transaction().execute(async (trx) => {
    const membership = await findMembership(trx, unitCode, year);
    if (membership === null) {
      throw notFound(
        `${unitCode} is not a member of any cluster in ${year}`,
        `Đơn vị ${unitCode} không là thành viên của cụm thi đua nào trong năm ${year}`,
      );
    }
    const period = await trx
      .selectFrom('periods')
      .select('status')
      .where('cluster_code', '=', membership.clusterCode)
      .where('period_id', '=', periodId)
      .executeTakeFirst();
    if (period === undefined) {
      throw notFound(
        `period ${periodId} of ${membership.clusterCode} was never opened`,
        `Kỳ ${periodId} của cụm ${membership.clusterCode} chưa được mở`,
      );
    }
    if (actor.role === 'UNIT' && actor.unitCode === unitCode) {
      if (period.status !== 'OPEN') throw periodClosed(periodId);
    } else {
      const refusal = reviewerRefusal(membership, actor, unitCode);
      if (refusal !== null) {
        throw forbidden(
          `only ${unitCode} itself or its reviewers may add its evidence: ${refusal.message}`,
          `Chỉ đơn vị ${unitCode} hoặc người thẩm định của đơn vị được thêm minh chứng: ${refusal.messageVi}`,
        );
      }
    }
    const scheme = await trx
      .selectFrom('schemes')
      .select('scheme')
      .where('cluster_code', '=', membership.clusterCode)
      .where('year', '=', year)
      .executeTakeFirst();
    const criteria = scheme?.scheme.headings.flatMap((h) => h.criteria) ?? [];
    if (!criteria.some((c) => c.code === criterion)) {
      throw badRequest(
        `criterion ${criterion} is not in the scheme of ${membership.clusterCode} for ${year}`,
        `Tiêu chí ${criterion} không có trong bảng điểm của cụm ${membership.clusterCode} năm ${year}`,
        'UNKNOWN_CRITERION',
      );
    }

    await sql`SELECT pg_advisory_xact_lock(hashtext(${`evidence:${unitCode}:${periodId}`}))`.execute(
      trx,
    );
    const stored = await trx
      .selectFrom('evidence_files')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size_bytes'), sql<string>`0`).as('bytes'))
      .where('unit_code', '=', unitCode)
      .where('period_id', '=', periodId)
      .executeTakeFirstOrThrow();
    const used = Number(stored.bytes);
    if (used + upload.file.length > evidenceLimits.unitPeriodBytes) {
      const limit = evidenceLimits.unitPeriodBytes / 1024 / 1024;
      const left = Math.max(0, evidenceLimits.unitPeriodBytes - used);
      throw new FileRouteError(
        413,
        'EVIDENCE_QUOTA_EXCEEDED',
        `${unitCode}'s evidence for ${periodId} would exceed ${limit} MB: ${left} bytes are left`,
        `Minh chứng của ${unitCode} kỳ ${periodId} sẽ vượt quá ${limit} MB: chỉ còn ${left} byte`,
      );
    }
    const row = await trx
      .insertInto('evidence_files')
      .values({
        id: randomUUID(),
        cluster_code: membership.clusterCode,
        period_id: periodId,
        unit_code: unitCode,
        criterion,
        file_name: cleanFileName(upload.fileName),
        media_type: mediaType,
        size_bytes: upload.file.length,
        sha256,
        content: upload.file,
        uploaded_by: actorCode(actor),
        uploader_subject: actor.subject,
        uploaded_at: context.clock(),
      })
      .returning(listed)
      .executeTakeFirstOrThrow();
    return viewOf(row);
  });
}

/** A listed file the viewer may see (whoever may see the unit's scorecard), else a refusal. */
async function visibleFile(context: GatewayContext, id: string): Promise<EvidenceFileView> {
  const viewer = requireViewer(context);
  if (!uuidPattern.test(id)) throw noSuchFile(id);
  const row = await context.db
    .selectFrom('evidence_files')
    .select(listed)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw noSuchFile(id);
  if (!(await maySeeScorecard(context.db, viewer, row.unit_code, row.period_id))) {
    throw forbidden(
      `only who may see ${row.unit_code}'s scorecard for ${row.period_id} may see its evidence`,
      `Chỉ người được xem bảng điểm của ${row.unit_code} kỳ ${row.period_id} mới được xem minh chứng`,
    );
  }
  return viewOf(row);
}

/** `GET /evidence/{id}`: the file and its bytes. */
export async function evidenceContent(
  context: GatewayContext,
  id: string,
): Promise<{ file: EvidenceFileView; content: Buffer }> {
  const file = await visibleFile(context, id);
  const row = await context.db
    .selectFrom('evidence_files')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw noSuchFile(id);
  return { file, content: row.content };
}

/**
 * `DELETE /evidence/{id}`: by whoever uploaded it (the same unit, or the central board), while
 * the period is open.
 */
export async function deleteEvidence(context: GatewayContext, id: string): Promise<void> {
  const file = await visibleFile(context, id);
  const actor = actorOf(requireViewer(context));
  if (actorCode(actor) !== file.uploadedBy) {
    throw forbidden(
      `only its uploader (${file.uploadedBy}) may delete evidence file ${id}`,
      `Chỉ bên đã tải lên (${file.uploadedBy}) được xóa tệp minh chứng ${id}`,
      'NOT_UPLOADER',
    );
  }
  await context.db.transaction().execute(async (trx) => {
    const period = await trx
      .selectFrom('evidence_files as e')
      .innerJoin('periods as p', (join) =>
        join
          .onRef('p.cluster_code', '=', 'e.cluster_code')
          .onRef('p.period_id', '=', 'e.period_id'),
      )
      .select('p.status')
      .where('e.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (period === undefined) throw noSuchFile(id);
    if (period.status !== 'OPEN') throw periodClosed(file.periodId);
    await trx.deleteFrom('evidence_files').where('id', '=', id).execute();
  });
}

/** Every file of the given units' periods, oldest first, for the scorecards' criterion lines. */
export async function evidenceOfUnitPeriods(
  context: GatewayContext,
  unitPeriods: readonly { unitCode: string; periodId: string }[],
): Promise<EvidenceFileView[]> {
  if (unitPeriods.length === 0) return [];
  const rows = await context.db
    .selectFrom('evidence_files')
    .select(listed)
    .where((eb) =>
      eb.or(
        unitPeriods.map(({ unitCode, periodId }) =>
          eb.and([eb('unit_code', '=', unitCode), eb('period_id', '=', periodId)]),
        ),
      ),
    )
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(viewOf);
}
