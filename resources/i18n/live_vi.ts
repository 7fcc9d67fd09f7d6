<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Agenda</source>
        <translation>Chương trình họp</translation>
    </message>
    <message>
        <source>&amp;Next item ▶</source>
        <translation>&amp;Nội dung tiếp theo ▶</translation>
    </message>
    <message>
        <source>Close the vote before moving on.</source>
        <translation>Hãy kết thúc biểu quyết trước khi chuyển nội dung.</translation>
    </message>
    <message>
        <source>&amp;Start with the first item ▶</source>
        <translation>&amp;Bắt đầu nội dung thứ nhất ▶</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>In the hall</source>
        <translation>Tại hội trường</translation>
    </message>
    <message>
        <source>Online (video)</source>
        <translation>Trực tuyến (video)</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Chưa điểm danh</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tham dự</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>{0} (ward hall)</source>
        <translation>{0} (điểm cầu)</translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message>
        <source>Your vote</source>
        <translation>Biểu quyết của bạn</translation>
    </message>
    <message>
        <source>Choose one. Each member votes once.</source>
        <translation>Chọn một phương án. Mỗi thành viên biểu quyết một lần.</translation>
    </message>
    <message>
        <source>Your ballot is counted (secret ballot).</source>
        <translation>Phiếu của bạn đã được ghi nhận (bỏ phiếu kín).</translation>
    </message>
    <message>
        <source>You voted: {0}</source>
        <translation>Bạn đã biểu quyết: {0}</translation>
    </message>
</context>
<context>
    <name>DelegatePanel</name>
    <message>
        <source>Taking part</source>
        <translation>Tham gia cuộc họp</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>Điểm &amp;danh</translation>
    </message>
    <message>
        <source>I take part online</source>
        <translation>Tôi tham dự trực tuyến</translation>
    </message>
    <message>
        <source>You have not checked in yet.</source>
        <translation>Bạn chưa điểm danh.</translation>
    </message>
    <message>
        <source>Marked absent: {0}</source>
        <translation>Được ghi vắng mặt: {0}</translation>
    </message>
    <message>
        <source>in the hall</source>
        <translation>tại hội trường</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>Checked in ({0})</source>
        <translation>Đã điểm danh ({0})</translation>
    </message>
    <message>
        <source>Current item: {0}</source>
        <translation>Nội dung đang họp: {0}</translation>
    </message>
    <message>
        <source>The meeting has not reached the first item yet.</source>
        <translation>Cuộc họp chưa vào nội dung thứ nhất.</translation>
    </message>
    <message>
        <source>Nobody has the floor.</source>
        <translation>Chưa ai có quyền phát biểu.</translation>
    </message>
    <message>
        <source>You have the floor: speak now.</source>
        <translation>Bạn đang có quyền phát biểu: mời nói.</translation>
    </message>
    <message>
        <source>Speaking: {0}</source>
        <translation>Đang phát biểu: {0}</translation>
    </message>
    <message>
        <source>&amp;Withdraw my request</source>
        <translation>&amp;Rút đăng ký phát biểu</translation>
    </message>
    <message>
        <source>&amp;Ask to speak</source>
        <translation>&amp;Xin phát biểu</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>The floor</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <source>Asked to speak on this item:</source>
        <translation>Đăng ký phát biểu ở nội dung này:</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Kết thúc</translation>
    </message>
    <message>
        <source>&amp;Give floor</source>
        <translation>&amp;Mời phát biểu</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Limit </source>
        <translation>Giới hạn </translation>
    </message>
    <message>
        <source>Nobody has the floor.</source>
        <translation>Chưa ai có quyền phát biểu.</translation>
    </message>
    <message>
        <source>You have the floor</source>
        <translation>Bạn đang phát biểu</translation>
    </message>
    <message>
        <source>Speaking: {0}</source>
        <translation>Đang phát biểu: {0}</translation>
    </message>
</context>
<context>
    <name>FollowBar</name>
    <message>
        <source>&amp;Follow presenter</source>
        <translation>&amp;Theo người trình bày</translation>
    </message>
    <message>
        <source>Nothing is being presented.</source>
        <translation>Chưa có tài liệu nào được trình chiếu.</translation>
    </message>
    <message>
        <source>following</source>
        <translation>đang theo</translation>
    </message>
    <message>
        <source>you are reading elsewhere</source>
        <translation>bạn đang xem trang khác</translation>
    </message>
    <message>
        <source>You present page {0}: the pages you turn are shown to everyone</source>
        <translation>Bạn đang trình chiếu trang {0}: trang bạn lật hiển thị trên mọi màn hình</translation>
    </message>
    <message>
        <source>{0} presents page {1} ({2})</source>
        <translation>{0} đang trình chiếu trang {1} ({2})</translation>
    </message>
</context>
<context>
    <name>LiveActions</name>
    <message>
        <source>Not connected to the server: live actions need the connection.</source>
        <translation>Chưa kết nối máy chủ: điều hành cuộc họp cần có kết nối.</translation>
    </message>
    <message>
        <source>The meeting already moved on.</source>
        <translation>Cuộc họp đã chuyển sang nội dung khác.</translation>
    </message>
</context>
<context>
    <name>LiveChoice</name>
    <message>
        <source>Agree</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>No opinion</source>
        <translation>Không biểu quyết</translation>
    </message>
</context>
<context>
    <name>LiveScreen</name>
    <message>
        <source>Join the &amp;video session</source>
        <translation>Tham gia &amp;phiên họp trực tuyến</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Presenting</source>
        <translation>Trình chiếu</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>The video of the session appears here.</source>
        <translation>Hình ảnh phiên họp trực tuyến hiển thị tại đây.</translation>
    </message>
    <message>
        <source>The meeting has not started: check-in, the floor and votes open when it does.</source>
        <translation>Cuộc họp chưa bắt đầu: điểm danh, phát biểu và biểu quyết mở khi cuộc họp bắt đầu.</translation>
    </message>
    <message>
        <source>The meeting has ended: this is its record.</source>
        <translation>Cuộc họp đã kết thúc: đây là diễn biến đã ghi nhận.</translation>
    </message>
    <message>
        <source>Not connected to the server: live actions need the connection.</source>
        <translation>Chưa kết nối máy chủ: điều hành cuộc họp cần có kết nối.</translation>
    </message>
    <message>
        <source>Meeting se&amp;ttings…</source>
        <translation>&amp;Thiết lập phiên họp…</translation>
    </message>
    <message>
        <source>The quorum rule and the default speaking time</source>
        <translation>Quy định về số lượng đại biểu cần có mặt và thời gian phát biểu mặc định</translation>
    </message>
</context>
<context>
    <name>LiveShortcut</name>
    <message>
        <source>Shortcut: {0}</source>
        <translation>Phím tắt: {0}</translation>
    </message>
</context>
<context>
    <name>LiveState</name>
    <message>
        <source>Not connected to the server: live actions need the connection.</source>
        <translation>Chưa kết nối máy chủ: điều hành cuộc họp cần có kết nối.</translation>
    </message>
</context>
<context>
    <name>MeetingSettingsDialog</name>
    <message>
        <source>Meeting settings</source>
        <translation>Thiết lập phiên họp</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Số lượng cần có mặt</translation>
    </message>
    <message>
        <source>Share of the members</source>
        <translation>Tỷ lệ trên tổng số thành viên</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Thời gian phát biểu</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>quá</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>ít nhất</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Áp dụng</translation>
    </message>
    <message>
        <source>The share must be between 0 and 1 (for example 1/2).</source>
        <translation>Tỷ lệ phải từ 0 đến 1 (ví dụ 1/2).</translation>
    </message>
    <message>
        <source>With {0} members, {1} must be present.</source>
        <translation>Với {0} thành viên, cần {1} người có mặt.</translation>
    </message>
</context>
<context>
    <name>MinutesNotesEditor</name>
    <message>
        <source>Notes for the minutes</source>
        <translation>Ghi chép biên bản</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Ý kiến thảo luận</translation>
    </message>
    <message>
        <source>Conclusion of the chair</source>
        <translation>Kết luận của chủ trì</translation>
    </message>
    <message>
        <source>What was said on this item, in brief</source>
        <translation>Tóm tắt ý kiến phát biểu ở nội dung này</translation>
    </message>
    <message>
        <source>What the chair concluded</source>
        <translation>Nội dung chủ trì kết luận</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>&amp;Lưu ghi chép</translation>
    </message>
    <message>
        <source>{0} changed this note meanwhile; saving will merge both.</source>
        <translation>{0} vừa thay đổi ghi chép này; khi lưu, hai bản sẽ được gộp.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Chưa lưu.</translation>
    </message>
    <message>
        <source>Saved by {0} at {1}.</source>
        <translation>Đã lưu bởi {0} lúc {1}.</translation>
    </message>
    <message>
        <source>No note on this item yet.</source>
        <translation>Nội dung này chưa có ghi chép.</translation>
    </message>
    <message>
        <source>Not saved: no connection to the server.</source>
        <translation>Chưa lưu: không có kết nối tới máy chủ.</translation>
    </message>
    <message>
        <source>{0} saved this item first: both texts are kept above; check and save.</source>
        <translation>{0} đã lưu nội dung này trước: cả hai bản được giữ ở trên; hãy kiểm tra và lưu lại.</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>The record so far (printed in the minutes)</source>
        <translation>Diễn biến đã ghi nhận (đưa vào biên bản)</translation>
    </message>
    <message>
        <source>&amp;Generate minutes and conclusion notice</source>
        <translation>&amp;Tạo biên bản và thông báo kết luận</translation>
    </message>
    <message>
        <source>Open the minutes</source>
        <translation>Mở biên bản</translation>
    </message>
    <message>
        <source>Open the conclusion notice</source>
        <translation>Mở thông báo kết luận</translation>
    </message>
    <message>
        <source>Send for &amp;signature</source>
        <translation>Trình &amp;ký</translation>
    </message>
    <message>
        <source>1. Attendance</source>
        <translation>1. Thành phần tham dự</translation>
    </message>
    <message>
        <source>Members: {0}; present: {1}; required for a quorum: {2}.</source>
        <translation>Số thành viên: {0}; có mặt: {1}; số cần để đủ điều kiện họp: {2}.</translation>
    </message>
    <message>
        <source>In the hall</source>
        <translation>Tại hội trường</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Chưa điểm danh</translation>
    </message>
    <message>
        <source>2. Agenda</source>
        <translation>2. Nội dung</translation>
    </message>
    <message>
        <source>- {0} spoke ({1} min {2} s)</source>
        <translation>- {0} phát biểu ({1} phút {2} giây)</translation>
    </message>
    <message>
        <source>named vote</source>
        <translation>biểu quyết công khai</translation>
    </message>
    <message>
        <source>secret ballot</source>
        <translation>bỏ phiếu kín</translation>
    </message>
    <message>
        <source>- Vote ({0}) “{1}”: open, {2} of {3} voted</source>
        <translation>- Biểu quyết ({0}) “{1}”: đang mở, {2}/{3} đã biểu quyết</translation>
    </message>
    <message>
        <source>- Vote ({0}) “{1}”: {2} of {3} voted: {4}</source>
        <translation>- Biểu quyết ({0}) “{1}”: {2}/{3} đã biểu quyết: {4}</translation>
    </message>
    <message>
        <source>Generated: {0} and {1}.</source>
        <translation>Đã tạo: {0} và {1}.</translation>
    </message>
    <message>
        <source>The minutes and the conclusion notice are not generated yet.</source>
        <translation>Chưa tạo biên bản và thông báo kết luận.</translation>
    </message>
    <message>
        <source>{0}: signer {1} of {2}, {3}</source>
        <translation>{0}: chờ ký bước {1}/{2}, {3}</translation>
    </message>
</context>
<context>
    <name>PresentControl</name>
    <message>
        <source>Present a document</source>
        <translation>Trình chiếu tài liệu</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Trang </translation>
    </message>
    <message>
        <source>&amp;Present on every screen</source>
        <translation>&amp;Trình chiếu lên mọi màn hình</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
</context>
<context>
    <name>QuorumBadge</name>
    <message>
        <source>Quorum: …</source>
        <translation>Số lượng tham dự: …</translation>
    </message>
    <message>
        <source>Quorum reached: {0} of {1} members present ({2} required)</source>
        <translation>Đủ số lượng: {0}/{1} thành viên có mặt (cần {2})</translation>
    </message>
    <message>
        <source>No quorum: {0} of {1} members present ({2} required)</source>
        <translation>Chưa đủ số lượng: {0}/{1} thành viên có mặt (cần {2})</translation>
    </message>
</context>
<context>
    <name>RollCallPanel</name>
    <message>
        <source>Roll call</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Reason for the absence</source>
        <translation>Lý do vắng mặt</translation>
    </message>
    <message>
        <source>Mark &amp;absent</source>
        <translation>Ghi &amp;vắng mặt</translation>
    </message>
    <message>
        <source>In the &amp;hall</source>
        <translation>Tại &amp;hội trường</translation>
    </message>
    <message>
        <source>Mark present in the hall</source>
        <translation>Ghi có mặt tại hội trường</translation>
    </message>
    <message>
        <source>O&amp;nline</source>
        <translation>Trực tu&amp;yến</translation>
    </message>
    <message>
        <source>Mark present online, through the video session</source>
        <translation>Ghi tham dự trực tuyến, qua phiên họp video</translation>
    </message>
    <message>
        <source>Choose someone in the list first.</source>
        <translation>Hãy chọn một người trong danh sách trước.</translation>
    </message>
    <message>
        <source>An absence needs a reason.</source>
        <translation>Vắng mặt cần có lý do.</translation>
    </message>
</context>
<context>
    <name>VoteControl</name>
    <message>
        <source>Open a vote</source>
        <translation>Mở biểu quyết</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>What the hall votes on</source>
        <translation>Nội dung đưa ra biểu quyết</translation>
    </message>
    <message>
        <source>Named (public)</source>
        <translation>Công khai</translation>
    </message>
    <message>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <source>closed by the chair</source>
        <translation>chủ trì kết thúc</translation>
    </message>
    <message>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <source>Open &amp;vote</source>
        <translation>&amp;Mở biểu quyết</translation>
    </message>
    <message>
        <source>C&amp;lose vote</source>
        <translation>&amp;Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>A vote needs a quorum of the members present.</source>
        <translation>Cần đủ số thành viên có mặt mới được biểu quyết.</translation>
    </message>
    <message>
        <source>Write the question first.</source>
        <translation>Hãy nhập nội dung biểu quyết trước.</translation>
    </message>
</context>
<context>
    <name>VoteResults</name>
    <message>
        <source>Results</source>
        <translation>Kết quả biểu quyết</translation>
    </message>
    <message>
        <source>No vote yet.</source>
        <translation>Chưa có biểu quyết.</translation>
    </message>
    <message>
        <source>named</source>
        <translation>công khai</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>bỏ phiếu kín</translation>
    </message>
    <message>
        <source>, closes at {0}</source>
        <translation>, kết thúc lúc {0}</translation>
    </message>
    <message>
        <source>Open ({0}{1}): {2} of {3} have voted</source>
        <translation>Đang mở ({0}{1}): {2}/{3} đã biểu quyết</translation>
    </message>
    <message>
        <source>Closed ({0}): {1} of {2} voted</source>
        <translation>Đã kết thúc ({0}): {1}/{2} đã biểu quyết</translation>
    </message>
    <message>
        <source>Secret ballot: the counts are shown when it closes.</source>
        <translation>Bỏ phiếu kín: kết quả hiển thị khi kết thúc.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>The live meeting needs the connection to the server.</source>
        <translation>Điều hành cuộc họp cần có kết nối tới máy chủ.</translation>
    </message>
    <message>
        <source>Live: {0}</source>
        <translation>Trực tiếp: {0}</translation>
    </message>
</context>
</TS>
