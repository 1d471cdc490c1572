import PizZip from 'pizzip';

/**
 * The official documents' templates, written as WordprocessingML: A4, Times New Roman 13 pt
 * (Liberation Serif stands in where it is missing), laid out as Decree 30/2020/NĐ-CP asks: the
 * issuing body beside the national motto, the number beside the place and date, the title in
 * capitals, the body, the recipients (Nơi nhận) beside the signer. `{tags}` are docxtemplater's;
 * a loop over a table row (`{#lines}` … `{/lines}`) repeats the row.
 */

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): string {
  const properties = [
    style.bold === true ? '<w:b/>' : '',
    style.italic === true ? '<w:i/>' : '',
    style.size === undefined
      ? ''
      : `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>`,
  ].join('');
  return `<w:r>${properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

function paragraph(
  text: string,
  style: RunStyle & { align?: 'left' | 'center' | 'right' | 'both'; after?: number } = {},
): string {
  const align = `<w:jc w:val="${style.align ?? 'both'}"/>`;
  const spacing = `<w:spacing w:before="0" w:after="${style.after ?? 60}"/>`;
  return `<w:p><w:pPr>${spacing}${align}</w:pPr>${run(text, style)}</w:p>`;
}

const cell = (width: number, content: string, borders: boolean) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${
    borders
      ? ''
      : '<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>'
  }</w:tcPr>${content}</w:tc>`;

function table(widths: number[], rows: string[][], borders: boolean): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const border = borders
    ? '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
    : '';
  const body = rows
    .map(
      (cells) =>
        `<w:tr>${cells.map((c, i) => cell(widths[i] ?? 1000, c, borders)).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>${border}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/**
 * The head of every document: issuing body and number on the left, motto and date on the right.
 * `numberLine` is the number as printed (left blank for the clerk on a cluster's documents).
 */
function head(numberLine: string, issuerTag = 'clusterNameUpper'): string {
  return table(
    [4200, 5400],
    [
      [
        paragraph('{issuingBody}', { align: 'center', after: 0 }) +
          paragraph(`{${issuerTag}}`, { align: 'center', bold: true, after: 0 }) +
          paragraph('---------------', { align: 'center' }),
        paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
          align: 'center',
          bold: true,
          size: 12,
          after: 0,
        }) +
          paragraph('Độc lập - Tự do - Hạnh phúc', { align: 'center', bold: true, after: 0 }) +
          paragraph('---------------', { align: 'center' }),
      ],
      [
        paragraph(numberLine, { align: 'center' }),
        paragraph('{place}, {dateLine}', { align: 'center', italic: true }),
      ],
    ],
    false,
  );
}

/** Recipients on the left, the signer's block on the right. */
function foot(recipients: string[]): string {
  return table(
    [4800, 4800],
    [
      [
        paragraph('Nơi nhận:', { align: 'left', bold: true, italic: true, size: 12, after: 0 }) +
          recipients.map((r) => paragraph(r, { align: 'left', size: 11, after: 0 })).join(''),
        paragraph('{signerCapacity}', { align: 'center', bold: true, after: 0 }) +
          paragraph('{signerTitle}', { align: 'center', bold: true, after: 1200 }) +
          paragraph('{signerName}', { align: 'center', bold: true }),
      ],
    ],
    false,
  );
}

/** A heading and a bulleted list of `{text}` lines from the loop `tag`. */
const listed = (heading: string, tag: string) => [
  paragraph(heading, { bold: true, after: 0 }),
  paragraph(`{#${tag}}`, { align: 'left', after: 0 }),
  paragraph('- {text}', { align: 'left', after: 0 }),
  paragraph(`{/${tag}}`, { align: 'left' }),
];

const headerCell = (text: string) => paragraph(text, { align: 'center', bold: true, after: 0 });
const bodyCell = (text: string, align: 'left' | 'center' | 'right' = 'center') =>
  paragraph(text, { align, after: 0 });

function document(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

/**
 * Biên bản họp cụm: members, the ranking with classifications, the bands, the reviews with their
 * reasons, the returned reports, the paper reports, the tie votes, the signer.
 */
export function meetingMinutesXml(): string {
  return document(
    [
      head('Số:       /BB-CTĐ'),
      paragraph('BIÊN BẢN', { align: 'center', bold: true, size: 14, after: 0 }),
      paragraph('Họp xét kết quả thi đua {periodLabel} của {clusterName}', {
        align: 'center',
        bold: true,
      }),
      paragraph(
        'Cụm thi đua họp xét kết quả thi đua {periodLabel} theo bảng chấm điểm "{schemeTitle}". Thành phần gồm đại diện các đơn vị thành viên:',
      ),
      paragraph('{#members}', { align: 'left', after: 0 }),
      paragraph('- {name}{role}', { align: 'left', after: 0 }),
      paragraph('{/members}', { align: 'left' }),
      paragraph(
        'Kết quả chấm điểm, xếp hạng và xếp loại ({rankingState}, lần cập nhật thứ {revision}):',
      ),
      table(
        [900, 4300, 1500, 2400],
        [
          [
            headerCell('Hạng'),
            headerCell('Đơn vị'),
            headerCell('Tổng điểm'),
            headerCell('Xếp loại'),
          ],
          [
            bodyCell('{#lines}{rank}'),
            bodyCell('{unitName}', 'left'),
            bodyCell('{total}', 'right'),
            bodyCell('{classification}{/lines}'),
          ],
        ],
        true,
      ),
      paragraph(''),
      paragraph('{bands}'),
      ...listed('Kết quả thẩm định (giá trị được thay và lý do):', 'reviews'),
      ...listed('Báo cáo trả lại để giải trình:', 'returns'),
      ...listed('Báo cáo giấy được ghi nhận:', 'paperReports'),
      ...listed('Biểu quyết các trường hợp bằng điểm:', 'tieVotes'),
      paragraph('Biên bản được lập xong hồi {closedAt}, đã thông qua trước các đại biểu dự họp.'),
      foot(['- Ban Tổ chức Trung ương;', '- Các đơn vị thành viên;', '- Lưu: Cụm thi đua.']),
    ].join(''),
  );
}

/** Tờ trình đề nghị khen thưởng: the proposed lines with rank, total and classification. */
export function awardProposalXml(): string {
  return document(
    [
      head('Số:       /TTr-CTĐ'),
      paragraph('TỜ TRÌNH', { align: 'center', bold: true, size: 14, after: 0 }),
      paragraph('Đề nghị khen thưởng thi đua năm {year} của {clusterName}', {
        align: 'center',
        bold: true,
      }),
      paragraph('Kính gửi: Ban Tổ chức Trung ương', { align: 'center' }),
      paragraph(
        'Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {year} theo bảng chấm điểm "{schemeTitle}", {clusterName} đề nghị Ban Tổ chức Trung ương xem xét khen thưởng các đơn vị sau:',
      ),
      table(
        [800, 3900, 1300, 1700, 1900],
        [
          [
            headerCell('Hạng'),
            headerCell('Đơn vị'),
            headerCell('Tổng điểm'),
            headerCell('Xếp loại'),
            headerCell('Đề nghị'),
          ],
          [
            bodyCell('{#lines}{rank}'),
            bodyCell('{unitName}', 'left'),
            bodyCell('{total}', 'right'),
            bodyCell('{classification}'),
            bodyCell('{proposed}{/lines}'),
          ],
        ],
        true,
      ),
      paragraph(''),
      paragraph('{bands}'),
      paragraph('Kính trình Ban Tổ chức Trung ương xem xét, quyết định.'),
      foot(['- Như trên;', '- Các đơn vị thành viên;', '- Lưu: Cụm thi đua.']),
    ].join(''),
  );
}

/** Quyết định khen thưởng: the central board's approved awards of a cluster's year. */
export function awardDecisionXml(): string {
  return document(
    [
      head('Số: {decisionNumber}', 'issuerUpper'),
      paragraph('QUYẾT ĐỊNH', { align: 'center', bold: true, size: 14, after: 0 }),
      paragraph('Về việc khen thưởng thi đua năm {year} các đơn vị thuộc {clusterName}', {
        align: 'center',
        bold: true,
      }),
      paragraph('{issuerUpper}', { align: 'center', bold: true }),
      paragraph(
        'Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {year} theo bảng chấm điểm "{schemeTitle}" và tờ trình đề nghị khen thưởng của {clusterName};',
      ),
      paragraph('QUYẾT ĐỊNH:', { align: 'center', bold: true }),
      paragraph('Điều 1. Khen thưởng các đơn vị sau đã có thành tích xuất sắc năm {year}:'),
      table(
        [700, 3700, 1700, 800, 2700],
        [
          [
            headerCell('STT'),
            headerCell('Đơn vị'),
            headerCell('Hình thức'),
            headerCell('Hạng'),
            headerCell('Số, ngày quyết định'),
          ],
          [
            bodyCell('{#lines}{index}'),
            bodyCell('{unitName}', 'left'),
            bodyCell('{award}'),
            bodyCell('{rank}'),
            bodyCell('{decisionNumber}, ngày {decidedOn}{/lines}'),
          ],
        ],
        true,
      ),
      paragraph(''),
      paragraph('{bands}'),
      paragraph('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.'),
      paragraph(
        'Điều 3. {clusterName} và các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      ),
      foot(['- Như Điều 3;', '- Lưu: Vụ Thi đua - Khen thưởng.']),
    ].join(''),
  );
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const packageRelationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const documentRelationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** A .docx file (a zip of its parts) with `documentXml` as its body. */
export function docxFile(documentXml: string): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('_rels/.rels', packageRelationships);
  zip.file('word/_rels/document.xml.rels', documentRelationships);
  zip.file('word/styles.xml', styles);
  zip.file('word/document.xml', documentXml);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The templates kept in the repository (services/gateway/templates), by file name. */
export const repositoryTemplates: Record<string, () => string> = {
  'meeting-minutes.docx': meetingMinutesXml,
  'award-proposal.docx': awardProposalXml,
  'award-decision.docx': awardDecisionXml,
};
