import { useSyncExternalStore } from 'react';

/**
 * Vietnamese first; English on request. The Vietnamese text is the key, so a screen reads the
 * same in code as on the page, and a text without an English line stays Vietnamese. A text whose
 * English depends on where it stands carries its sense after a bar (`Chỉ tiêu|mức`, a target, not
 * an indicator): the bar and the sense are never shown.
 */
export type Language = 'vi' | 'en';

const key = 'thidua.language';
const listeners = new Set<() => void>();

export const currentLanguage = (): Language => (localStorage.getItem(key) === 'en' ? 'en' : 'vi');

export function setLanguage(language: Language): void {
  localStorage.setItem(key, language);
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function useLanguage(): Language {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentLanguage);
}

const english: Record<string, string> = {
  // the page's frame
  'Đăng xuất': 'Sign out',
  'Ban Tổ chức Trung ương': 'Central Organisation Board',
  'Đơn vị: {unit}': 'Unit: {unit}',
  'Cụm trưởng': 'Lead',
  'Cụm phó': 'Deputy',
  'Thành viên': 'Member',
  'Về trang chủ': 'Home',
  Năm: 'Year',
  Cụm: 'Cluster',
  Kỳ: 'Period',
  'Đơn vị': 'Unit',
  'Lý do': 'Reason',
  'Đang gửi…': 'Sending…',
  'Không thực hiện được': 'Not done',
  'Đã có lỗi xảy ra': 'Something went wrong',
  'Không có quyền truy cập': 'No access',
  'Trang này thuộc một cụm hoặc đơn vị mà bạn không được xem.':
    'This page belongs to a cluster or a unit you may not see.',
  'Máy chủ trả lời: {message}': 'The server answered: {message}',
  'Đang tải {what}…': 'Loading {what}…',
  'dữ liệu': 'data',
  'danh sách cụm': 'the clusters',
  cụm: 'the cluster',
  'số liệu tổng hợp': 'the summary',
  'tình hình nộp báo cáo': 'the reports received',
  'điểm thưởng, điểm trừ': 'the bonus and deduction items',
  'danh sách khen thưởng': 'the award sheet',
  '6 tháng đầu năm {year}': 'First half of {year}',
  'Cả năm {year}': 'Year {year}',
  // home
  'Quản lý cụm': 'Manage cluster',
  'Các cụm thi đua': 'Clusters',
  'Các cụm thi đua của đơn vị': "The unit's clusters",
  'Lịch sử thi đua qua các năm': 'History across years',
  'Đơn vị chưa thuộc cụm thi đua nào.': 'The unit belongs to no cluster.',
  'Năm {year} chưa có cụm nào.': 'No cluster in {year}.',
  'Tổng hợp 6 tháng đầu năm {year}': 'Summary, first half of {year}',
  'Tổng hợp cả năm {year}': 'Summary, year {year}',
  'Vai trò: {role}': 'Role: {role}',
  '{count} đơn vị thành viên': '{count} member units',
  'Tải tờ trình khen thưởng': 'Download the award proposal',
  'Trạng thái': 'Status',
  Trang: 'Pages',
  'Nộp báo cáo': 'Report',
  'Bảng điểm': 'Scorecard',
  'Xếp hạng': 'Ranking',
  'Tổng quan': 'Overview',
  'Ma trận điểm': 'Matrix',
  'Thiết lập cụm, cụm trưởng, bảng chấm điểm': 'Clusters, leads and schemes',
  // cluster management
  'Quản lý {cluster}': 'Managing {cluster}',
  '· năm {year}': '· {year}',
  'Khen thưởng năm {year}': 'Awards {year}',
  'Các kỳ': 'Periods',
  'Chưa có kỳ nào.': 'No period yet.',
  'hạn nộp': 'deadline',
  'Đang mở': 'Open',
  'Đã đóng': 'Closed',
  'Mở kỳ mới': 'Open a period',
  'Hạn nộp': 'Deadline',
  'Hạn nộp mới': 'New deadline',
  'Mở kỳ': 'Open period',
  'Dời hạn nộp': 'Move deadline',
  'Đóng kỳ': 'Close period',
  'Xác nhận đóng kỳ': 'Confirm closing',
  Thôi: 'Cancel',
  'ngày/tháng/năm giờ:phút, giờ Hà Nội, ví dụ 15/12/2026 17:00':
    'day/month/year hour:minute, Hanoi time, e.g. 15/12/2026 17:00',
  'Thời điểm cần viết dạng ngày/tháng/năm giờ:phút, ví dụ 15/12/2026 17:00':
    'Write the moment as day/month/year hour:minute, e.g. 15/12/2026 17:00',
  'Sau khi đóng, đơn vị không nộp được báo cáo kỳ này nữa và xếp hạng trở thành chính thức.':
    'Once closed, units can no longer report for this period and its ranking becomes official.',
  'Chỉ cụm trưởng và Ban Tổ chức Trung ương mở, dời hạn và đóng kỳ.':
    "Only the cluster's lead and the central board open, move and close periods.",
  'Đã mở kỳ {period}, hạn nộp {deadline}': 'Opened {period}, deadline {deadline}',
  'Đã dời hạn nộp kỳ {period} đến {deadline}': 'Moved the deadline of {period} to {deadline}',
  'Đã đóng kỳ {period}': 'Closed {period}',
  'Cụm {cluster} chưa được xác lập cho năm {year}.': 'Cluster {cluster} is not defined for {year}.',
  'Điểm thưởng, điểm trừ': 'Bonus and deduction items',
  'Cụm trưởng, cụm phó và Ban Tổ chức Trung ương ghi điểm thưởng, điểm trừ.':
    "The cluster's lead, its deputies and the central board record bonus and deduction items.",
  Loại: 'Kind',
  'Điểm thưởng': 'Bonus',
  'Điểm trừ': 'Deduction',
  Điểm: 'Points',
  'Số điểm': 'Points',
  'ví dụ 1,50': 'e.g. 1,50',
  'Không xét danh hiệu Xuất sắc và khen thưởng': 'Bars the unit from Excellent and from awards',
  'không xét thi đua': 'disqualifying',
  Ghi: 'Record',
  'Đã ghi điểm thưởng cho {unit}': 'Recorded a bonus for {unit}',
  'Đã ghi điểm trừ cho {unit}': 'Recorded a deduction for {unit}',
  'Các khoản của {unit}, {period}': 'Items of {unit}, {period}',
  'Chưa có điểm thưởng hay điểm trừ nào.': 'No bonus or deduction yet.',
  'Tính vào tổng điểm': 'Counted in the total',
  'Điểm thưởng tính đến mức trần của bảng chấm điểm.': "Bonuses count up to the scheme's cap.",
  'Đơn vị chưa có bảng điểm kỳ này (chưa nộp báo cáo).':
    'The unit has no scorecard for this period (it has not reported).',
  // setup
  'Thiết lập thi đua năm {year}': 'Setting up {year}',
  'Xác lập cụm thi đua': 'Define a cluster',
  'Sửa cụm đã có': 'Edit an existing cluster',
  '— cụm mới —': '— new cluster —',
  'Mã cụm': 'Cluster code',
  'ví dụ cum-4': 'e.g. cum-4',
  'Tên cụm': 'Cluster name',
  'Đơn vị thành viên ({count})': 'Member units ({count})',
  'mỗi dòng một đơn vị: mã | tên | sáp nhập từ (mã, mã); dán từ Excel cũng được':
    'one unit a line: code | name | merged from (code, code); rows pasted from Excel work too',
  'Cụm trưởng (mã đơn vị)': "Lead (unit's code)",
  'Cụm phó (mã đơn vị)': "Deputies (units' codes)",
  'cách nhau bởi dấu phẩy': 'separated by commas',
  'Xác lập cụm': 'Define cluster',
  'Đã xác lập {name} ({cluster}) năm {year}': 'Defined {name} ({cluster}) for {year}',
  'Cụm trưởng, cụm phó': 'Lead and deputies',
  'Đặt cụm trưởng, cụm phó': 'Set lead and deputies',
  'Đã đặt cụm trưởng, cụm phó của {cluster} năm {year}':
    'Set the lead and deputies of {cluster} for {year}',
  'Bảng chấm điểm': 'Scheme',
  'Bảng chấm điểm (JSON)': 'Scheme (JSON)',
  'dán nội dung tệp JSON của bảng chấm điểm; bảng hiện bên dưới để kiểm tra trước khi gán':
    "paste the scheme's JSON; it is shown as tables below to check before assigning",
  'Bảng chấm điểm phải là một đối tượng JSON { … }': 'A scheme is a JSON object { … }',
  'JSON không đọc được: {reason}': 'The JSON does not read: {reason}',
  'Gán bảng chấm điểm': 'Assign scheme',
  'Đã gán bảng chấm điểm {scheme} cho {cluster}': 'Assigned scheme {scheme} to {cluster}',
  'mã {code} · năm {year}': 'code {code} · {year}',
  ' · tối đa {points} điểm': ' · at most {points} points',
  'Chỉ tiêu ({count})': 'Indicators ({count})',
  Mã: 'Code',
  'Chỉ tiêu': 'Indicator',
  'Chỉ tiêu|mức': 'Target',
  'Tối đa': 'Maximum',
  'Tiêu chí chấm điểm': 'Criteria',
  'Tiêu chí': 'Criterion',
  'Cách chấm': 'Method',
  'Điểm tối đa': 'Max points',
  'Theo chỉ tiêu': 'Target',
  'Theo khung': 'Bands',
  'Có/Không': 'Yes/No',
  'Tự chấm': 'Self-assessed',
  'So sánh trong cụm': 'Relative',
  'Theo số lượng': 'Count',
  // period overview
  'Cụm không có kỳ này.': 'The cluster has no such period.',
  'Tình hình nộp báo cáo · {period}': 'Reports received · {period}',
  'kỳ đang mở, {countdown}': 'open, {countdown}',
  'kỳ đã đóng': 'closed',
  'Số đơn vị': 'Units',
  'đúng hạn': 'on time',
  'nộp muộn': 'late',
  'chưa nộp': 'missing',
  'đơn vị': 'units',
  'Tình trạng': 'Standing',
  'Nộp lúc': 'Sent at',
  'Đã nộp đúng hạn': 'Sent on time',
  'Nộp muộn': 'Late',
  'Chưa nộp, đã quá hạn': 'Missing, past the deadline',
  'Chưa nộp': 'Not sent yet',
  'Đã thẩm định {indicator} của {unit}': 'Reviewed {indicator} of {unit}',
  'Đã trả báo cáo của {unit} để giải trình': 'Returned the report of {unit} for explanation',
  'Giá trị thẩm định': 'Reviewed value',
  'Thẩm định số liệu': 'Review the value',
  'số liệu bất thường': 'unusual values',
  'Số liệu bất thường': 'Unusual values',
  'Số liệu bất thường cần kiểm tra': 'Unusual values to check',
  'Không có số liệu nào khác xa các đơn vị còn lại.': 'No value lies far from the other units.',
  'Giá trị': 'Value',
  'Lý do cảnh báo': 'Why flagged',
  'Xử lý': 'Action',
  '(đã thẩm định)': '(reviewed)',
  // versions of a report
  'các phiên bản báo cáo': "the report's versions",
  'Các phiên bản báo cáo · {unit} · {period}': 'Versions of the report · {unit} · {period}',
  '{count} phiên bản': '{count} version(s)',
  'Đơn vị chưa nộp báo cáo kỳ này.': 'The unit has not reported for this period.',
  'Phiên bản': 'Version',
  'Thời điểm nộp': 'Sent at',
  'Thời hạn': 'Timeliness',
  'Trả lại để giải trình': 'Returned for explanation',
  'Trả lại để giải trình|nút': 'Return for explanation',
  'đang tính': 'counted',
  'Đúng hạn': 'On time',
  '{reason} · {by} lúc {at}': '{reason} · {by} at {at}',
  // ranking
  'Xếp hạng · {period}': 'Ranking · {period}',
  'Kết quả chính thức: kỳ đã đóng.': 'Official results: the period is closed.',
  'Kết quả tạm thời: kỳ đang mở đến {deadline}, thứ hạng còn thay đổi.':
    'Provisional results: the period is open until {deadline}; ranks may still change.',
  'Xem thứ hạng tại thời điểm (giờ Hà Nội)': 'Ranking as it stood at (Hanoi time)',
  Xem: 'Show',
  'Hiện tại': 'Now',
  In: 'Print',
  'Xuất Excel': 'Export to Excel',
  'Tải biên bản': 'Download the minutes',
  'Đang xem thứ hạng lúc {moment}': 'Showing the ranking as of {moment}',
  '● Đang cập nhật trực tiếp': '● Updating live',
  'Thời điểm cần viết dạng ngày/tháng/năm giờ:phút, ví dụ 20/12/2023 17:00.':
    'Write the moment as day/month/year hour:minute, e.g. 20/12/2023 17:00.',
  'thứ hạng': 'the ranking',
  'Chưa có thứ hạng cho kỳ này.': 'No ranking for this period yet.',
  'Chưa có thứ hạng tại thời điểm này.': 'No ranking at that moment.',
  'Cập nhật lúc {moment} · lần thay đổi thứ': 'Updated {moment} · revision',
  'Điểm tiêu chí': 'Criteria points',
  'Xếp loại': 'Classification',
  'Biến động': 'Movement',
  'Chưa nộp báo cáo (NOT_SUBMITTED)': 'No report yet (NOT_SUBMITTED)',
  // the units × criteria matrix
  'ma trận điểm': 'the matrix',
  'Chưa có số liệu để lập ma trận điểm cho kỳ này.': 'No figures for a matrix in this period yet.',
  'Ma trận điểm · {period}': 'Matrix · {period}',
  'bảng điểm các đơn vị': "the units' scorecards",
  Thưởng: 'Bonus',
  Trừ: 'Deduction',
  // a unit's history
  'Tổng điểm qua các kỳ của đơn vị và các đơn vị đã hợp nhất vào đơn vị':
    'Totals across periods of the unit and the units merged into it',
  'lịch sử đơn vị': "the unit's history",
  'Không có đơn vị {unit}.': 'No unit {unit}.',
  'Lịch sử thi đua · {unit}': 'History · {unit}',
  'Đơn vị không có đơn vị tiền thân.': 'The unit has no predecessor.',
  'Hợp nhất từ:': 'Merged from:',
  'Cụm thi đua qua các năm': 'Clusters across years',
  'Tên đơn vị năm đó': "The unit's name that year",
  'Chưa có kết quả kỳ nào.': 'No period results yet.',
  'Kết quả các kỳ ({count})': 'Period results ({count})',
  'Kết quả các kỳ ({count}, hiện {shown} đầu tiên)':
    'Period results ({count}, first {shown} shown)',
  '(tiền thân)': '(predecessor)',
  // the central board's summary
  'Tổng hợp · {period}': 'Summary · {period}',
  'Toàn quốc': 'All clusters',
  'Tổng điểm': 'Total points',
  'Điểm bình quân': 'Average total',
  'Chưa có số liệu': 'No figures yet',
  'Các chỉ tiêu toàn quốc': 'Indicators over all clusters',
  'Cách tổng hợp': 'Rolled up as',
  'Số liệu': 'Figure',
  Tổng: 'Sum',
  'Tổng|cột': 'Total',
  'Trung bình ({count} đơn vị)': 'Average ({count} units)',
  'Số đơn vị trả lời có': 'Units answering yes',
  '{yes} / {reported} đơn vị': '{yes} / {reported} units',
  'Biểu đồ tổng hợp': 'Summary charts',
  'Phân bố tổng điểm các đơn vị (toàn quốc)': "Spread of the units' totals (all clusters)",
  'Số đơn vị theo xếp loại, từng cụm': 'Units by classification, per cluster',
  'Đúng hạn, nộp muộn và chưa nộp, từng cụm': 'On time, late and missing, per cluster',
  'Chỉ tiêu tính tổng: tổng của các đơn vị đã báo cáo, từng cụm':
    'Summed indicators: total of the reporting units, per cluster',
  'Tổng của các đơn vị đã báo cáo': 'Total of the reporting units',
  'Chỉ tiêu tính trung bình: trung bình của các đơn vị đã báo cáo, từng cụm':
    'Averaged indicators: average of the reporting units, per cluster',
  'Trung bình của các đơn vị đã báo cáo': 'Average of the reporting units',
  'Chỉ tiêu có/không: tỷ lệ đơn vị trả lời có, từng cụm':
    'Yes/no indicators: share of units answering yes, per cluster',
  'Tỷ lệ đơn vị trả lời có (%)': 'Units answering yes (%)',
  'Xuất sắc': 'Excellent',
  Tốt: 'Good',
  'Hoàn thành': 'Completed',
  'Không hoàn thành': 'Not completed',
  // sign-in
  'Đăng nhập': 'Sign in',
  'Chế độ phát triển: chọn một danh tính mẫu': 'Development mode: choose a demo identity',
  'Đăng nhập bằng mã do hệ thống xác thực cấp': 'Sign in with a token from the identity provider',
  'Mã đăng nhập (token)': 'Sign-in token',
  'Mã đăng nhập không đúng dạng (ba phần cách nhau bởi dấu chấm).':
    'The token is not in the right form (three parts separated by dots).',
  'Không đăng nhập được bằng danh tính mẫu.': 'Could not sign in as the demo identity.',
  // the submission form
  'bảng chấm điểm': 'the scheme',
  'Chỉ đơn vị mới nộp báo cáo.': 'Only units report.',
  'Cụm chưa có bảng chấm điểm cho kỳ này.': 'The cluster has no scheme for this period.',
  'Báo cáo kết quả · {period}': 'Report · {period}',
  'Nhập số theo kiểu Việt Nam (dấu phẩy cho phần thập phân, ví dụ 9,04).':
    'Write numbers the Vietnamese way (a decimal comma, e.g. 9,04).',
  'Báo cáo chưa được ghi nhận.': 'The report was not recorded.',
  'Báo cáo chưa được ghi nhận: {count} trường cần sửa.':
    'The report was not recorded: {count} field(s) to correct.',
  '(tối đa {points} điểm)': '(at most {points} points)',
  'Dùng chỉ tiêu “{indicator}” đã nhập ở trên.': 'Uses the indicator “{indicator}” entered above.',
  'Điểm tự chấm': 'Self-score',
  'tối đa {points}': 'at most {points}',
  'Chỉ tiêu khác': 'Other indicators',
  'số nguyên, từ 0': 'a whole number, from 0',
  'số, từ 0': 'a number, from 0',
  'phần trăm, từ 0 đến 100': 'a percentage, from 0 to 100',
  'có hoặc không': 'yes or no',
  ', tối đa {max}': ', at most {max}',
  '– chọn –': '– choose –',
  Có: 'Yes',
  Không: 'No',
  'Gửi báo cáo': 'Send the report',
  'Đã ghi nhận báo cáo phiên bản {version}': 'Recorded the report, version {version}',
  'Nộp lúc {moment}': 'Sent at {moment}',
  'xem bảng điểm': 'see the scorecard',
  'Đang tính điểm…': 'Scoring…',
  'Bảng điểm chưa được tính xong; hãy xem lại sau.':
    'The scorecard is not scored yet; look again later.',
  'xếp loại': 'classification',
  // the scorecard
  'bảng điểm': 'the scorecard',
  'Chưa có bảng điểm: đơn vị chưa nộp báo cáo kỳ này.':
    'No scorecard yet: the unit has not reported for this period.',
  'Bảng điểm · {unit} · {period}': 'Scorecard · {unit} · {period}',
  'Các phiên bản báo cáo (phiên bản {version} đang tính)':
    "The report's versions (version {version} counted)",
  'Lịch sử qua các năm': 'History across years',
  'Báo cáo bị trả lại để giải trình': 'Report returned for explanation',
  '{reason} · bởi {by} lúc {at}. Báo cáo vẫn được tính cho đến khi đơn vị nộp lại.':
    '{reason} · by {by} at {at}. The report still counts until the unit sends it again.',
  'Do {by} ghi nhận từ báo cáo giấy nhận ngày {date}.':
    'Recorded by {by} from a paper report received on {date}.',
  'Điểm các tiêu chí': 'Criteria points',
  'Trừ do nộp muộn': 'Deducted for lateness',
  'Nộp đúng hạn': 'Sent on time',
  'Cách tính': 'Method',
  'Công thức': 'Formula',
  'Điểm / tối đa': 'Points / max',
  'Minh chứng': 'Evidence',
  'Thẩm định': 'Review',
  'Số liệu đã được thẩm định (thay số liệu đơn vị nộp khi tính điểm)':
    'Reviewed values (used in place of the values the unit sent)',
  'Đơn vị nộp': 'Sent by the unit',
  'Người thẩm định': 'Reviewer',
  'So với chỉ tiêu': 'Target',
  'Theo mức': 'Bands',
  'Điểm mỗi đơn vị': 'Points per item',
  'Nguồn chỉ tiêu': 'Target from',
  'Chiều so sánh': 'Direction',
  'Mức đạt': 'Band reached',
  'Tốt nhất cụm': 'Best in cluster',
  'Điểm dùng': 'Score used',
  'Điểm thẩm định': 'Reviewed score',
  'Giá trị dùng': 'Value used',
  'cao hơn là tốt hơn': 'higher is better',
  'thấp hơn là tốt hơn': 'lower is better',
  'tự chấm': 'self-score',
  'thẩm định': 'reviewed',
  'mặc định của bảng điểm': "the scheme's default",
  'đăng ký giao ước': 'pledge',
  // a review of a self-score
  'Thẩm định {criterion}': 'Review {criterion}',
  'Đang tính lại điểm…': 'Rescoring…',
  // the ranking's chart
  'Lần {revision}': 'Revision {revision}',
  'Tổng điểm của từng đơn vị qua {count} lần thay đổi gần nhất của bảng xếp hạng (lần {first} đến {last})':
    "Each unit's total over the ranking's last {count} revisions ({first} to {last})",
  ' · không tải được biểu đồ': ' · the chart did not load',
  // awards
  'Chưa có đề nghị khen thưởng: kỳ cuối năm chưa đóng.':
    'No award proposal yet: the year-end period is not closed.',
  'Đang cập nhật danh sách…': 'Updating the sheet…',
  Hạng: 'Rank',
  'Đề nghị': 'Proposed',
  'Được tặng': 'Granted',
  ' · đồng hạng, chờ biểu quyết': ' · tied, awaiting the vote',
  'Chưa quyết định': 'Not decided',
  '{decision} · số {number} ngày {date} · {signer}':
    '{decision} · no. {number} of {date} · {signer}',
  'Lý do: {reason}': 'Reason: {reason}',
  'Biểu quyết đồng hạng': 'Tie vote',
  '{units} đơn vị đồng hạng {rank} tranh {seats} suất {award}. Ghi kết quả biểu quyết của cụm: chọn {seats} đơn vị được đề nghị.':
    "{units} units share rank {rank} for {seats} {award} seat(s). Record the cluster's vote: choose {seats} unit(s) to propose.",
  'Đơn vị được đề nghị': 'Units proposed',
  'Ghi kết quả biểu quyết': 'Record the vote',
  'Quyết định của Ban Tổ chức Trung ương': "The central board's decision",
  'Quyết định': 'Decision',
  'Hình thức khen thưởng': 'Award',
  'hình thức được đề nghị; phê duyệt ở mức thấp hơn hạ Cờ thi đua xuống Bằng khen':
    'the award proposed; approving as a lower award grants a certificate instead of a flag',
  'Số quyết định': 'Decision number',
  'Ngày quyết định': 'Decision date',
  'Ngày quyết định cần viết dạng ngày/tháng/năm, ví dụ 15/01/2024.':
    'Write the date as day/month/year, e.g. 15/01/2024.',
  'Người ký': 'Signer',
  'Ghi quyết định': 'Record decision',
  'Cờ thi đua': 'Emulation flag',
  'Bằng khen': 'Certificate of merit',
  'Phê duyệt': 'Approve',
  'Phê duyệt ở mức thấp hơn': 'Approve as a lower award',
  'Trả lại': 'Return',
  'Không phê duyệt': 'Reject',
  // the frame's leftovers and downloads
  'thidua · Thi đua cụm': 'thidua · Cluster emulation',
  'Xử lý {unit} {indicator}': 'Handle {unit} {indicator}',
  'Không có trang này.': 'There is no such page.',
  'thông tin đăng nhập': 'who you are',
  'Đang tải…': 'Downloading…',
  'Máy chủ trả lời lỗi {status}': 'The server answered with error {status}',
  'Không kết nối được máy chủ': 'The server could not be reached',
};

/** `text` in `language`, with each `{name}` replaced by its value. */
export function translate(
  language: Language,
  text: string,
  values: Record<string, string | number> = {},
): string {
  const shown = text.split('|', 1)[0] ?? text;
  const template = language === 'en' ? (english[text] ?? shown) : shown;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A text in both languages, as the API's refusals carry it. */
export interface Bilingual {
  message: string;
  messageVi: string;
}

/** The API's refusal in the language: its `messageVi`, or in English its `message`. */
export const sayIn = (language: Language, refusal: Bilingual) =>
  language === 'en' ? refusal.message : refusal.messageVi;

/** One of the app's own texts in both languages, shown later in whichever is chosen then. */
export const bothLanguages = (
  text: string,
  values?: Record<string, string | number>,
): Bilingual => ({
  message: translate('en', text, values),
  messageVi: translate('vi', text, values),
});

export type Translate = (text: string, values?: Record<string, string | number>) => string;

/** The translator of the current language; the component redraws when the language changes. */
export function useT(): Translate {
  const language = useLanguage();
  return (text, values) => translate(language, text, values);
}

/** `2027-H1` → its name in the language, as format.ts's periodName does in Vietnamese. */
export function periodNameIn(language: Language, periodId: string): string {
  const [year = '', part] = periodId.split('-');
  if (part === 'H1') return translate(language, '6 tháng đầu năm {year}', { year });
  if (part === 'FY') return translate(language, 'Cả năm {year}', { year });
  return periodId;
}

/** periodNameIn for the current language. */
export function usePeriodName(): (periodId: string) => string {
  const language = useLanguage();
  return (periodId) => periodNameIn(language, periodId);
}

/** formatCountdown's text in the language: `còn 3 ngày 2 giờ` → `3 days 2 h left`. */
export function countdownIn(language: Language, text: string): string {
  if (language === 'vi') return text;
  const late = text.startsWith('quá hạn ');
  const span = text
    .replace(/^(quá hạn|còn) /, '')
    .replace(/ ngày/g, ' d')
    .replace(/ giờ/g, ' h')
    .replace(/ phút/g, ' min');
  return late ? `late by ${span}` : `${span} left`;
}
