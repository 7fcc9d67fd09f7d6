<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../ecabinet/agenda/model.py" line="34"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/model.py" line="35"/>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/model.py" line="36"/>
        <source>Presenter</source>
        <translation>Người trình bày</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/model.py" line="37"/>
        <source>Minutes</source>
        <translation>Số phút</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/model.py" line="38"/>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ecabinet/notes/model.py" line="47"/>
        <source>p. {0}</source>
        <translation>tr. {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/model.py" line="54"/>
        <source>(waiting to send)</source>
        <translation>(chờ gửi)</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message numerus="yes">
        <location filename="../../ecabinet/agenda/documents_model.py" line="51"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/documents_model.py" line="53"/>
        <source>draft for comments</source>
        <translation>dự thảo xin góp ý</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/documents_model.py" line="55"/>
        <source>available offline</source>
        <translation>có sẵn khi mất mạng</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ecabinet/core/excepthook.py" line="28"/>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/excepthook.py" line="29"/>
        <source>Something went wrong. Your work is kept; details are in the log.</source>
        <translation>Đã xảy ra lỗi. Dữ liệu của bạn vẫn được giữ; chi tiết có trong nhật ký.</translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="10"/>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="11"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="12"/>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="13"/>
        <source>Connection lost: reconnecting… (you can keep reading)</source>
        <translation>Mất kết nối: đang kết nối lại… (bạn vẫn có thể đọc tài liệu)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="15"/>
        <source>Refused: the server&apos;s certificate changed</source>
        <translation>Từ chối: chứng chỉ của máy chủ đã thay đổi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="17"/>
        <source>Signed out: please sign in again</source>
        <translation>Đã đăng xuất: vui lòng đăng nhập lại</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="19"/>
        <source>Reconnected</source>
        <translation>Đã kết nối lại</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/status.py" line="20"/>
        <source>Offline: showing the copy on this laptop</source>
        <translation>Ngoại tuyến: đang hiển thị bản lưu trên máy này</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <location filename="../../ecabinet/login/controller.py" line="53"/>
        <source>The server address starts with wss://</source>
        <translation>Địa chỉ máy chủ bắt đầu bằng wss://</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/controller.py" line="58"/>
        <source>Enter your user name and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/controller.py" line="82"/>
        <source>Cannot reach the server. Check the address and the network.</source>
        <translation>Không kết nối được máy chủ. Hãy kiểm tra địa chỉ và mạng.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="94"/>
        <source>Sign in to eCabinet</source>
        <translation>Đăng nhập eCabinet</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="95"/>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="96"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="97"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="98"/>
        <location filename="../../ecabinet/login/widgets.py" line="125"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="99"/>
        <source>Demo accounts (click to fill in)</source>
        <translation>Tài khoản trình diễn (bấm để điền)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="125"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="134"/>
        <source>Unencrypted connection (loopback only).</source>
        <translation>Kết nối không mã hóa (chỉ trên máy cục bộ).</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="137"/>
        <source>First connection to this server. Its certificate fingerprint (SHA-256), which this laptop will remember:
{0}</source>
        <translation>Lần đầu kết nối máy chủ này. Dấu vân tay chứng chỉ (SHA-256) mà máy này sẽ ghi nhớ:
{0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="142"/>
        <source>Server certificate (SHA-256), as remembered:
{0}</source>
        <translation>Chứng chỉ máy chủ (SHA-256), khớp với bản đã ghi nhớ:
{0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/login/widgets.py" line="148"/>
        <source>Warning: the server&apos;s certificate has changed. Someone may be impersonating the server, so this laptop refuses to connect and did not send your password. Ask your administrator.
Remembered: {0}
Presented: {1}</source>
        <translation>Cảnh báo: chứng chỉ của máy chủ đã thay đổi. Có thể có kẻ giả mạo máy chủ, vì vậy máy này từ chối kết nối và không gửi mật khẩu của bạn. Hãy liên hệ quản trị viên.
Đã ghi nhớ: {0}
Nhận được: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ecabinet/shell/window.py" line="96"/>
        <source>eCabinet — paperless meetings</source>
        <translation>eCabinet — phòng họp không giấy</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/window.py" line="97"/>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/window.py" line="98"/>
        <source>Language, server, offline copy, font size (Ctrl+,)</source>
        <translation>Ngôn ngữ, máy chủ, bản lưu ngoại tuyến, cỡ chữ (Ctrl+,)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecabinet/shell/window.py" line="170"/>
        <source>The offline copy is full: %n document(s) not copied (Settings: cache limit).</source>
        <translation>
            <numerusform>Bộ nhớ ngoại tuyến đã đầy: %n tài liệu chưa được sao lưu (Cài đặt: dung lượng tối đa).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/window.py" line="223"/>
        <source>Offline copy %p%</source>
        <translation>Bản lưu ngoại tuyến %p%</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="131"/>
        <source>New meeting</source>
        <translation>Cuộc họp mới</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="132"/>
        <source>Edit meeting</source>
        <translation>Sửa cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="133"/>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="133"/>
        <source>&amp;Organised by</source>
        <translation>Đơn vị chủ t&amp;rì</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="133"/>
        <source>&amp;Date</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="134"/>
        <source>T&amp;ime</source>
        <translation>&amp;Giờ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="134"/>
        <source>&amp;Hall</source>
        <translation>&amp;Hội trường</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="134"/>
        <source>&amp;Video</source>
        <translation>Trực tu&amp;yến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="135"/>
        <source>Invited &amp;units</source>
        <translation>Đơn vị được &amp;mời</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="135"/>
        <source>&amp;Find a person</source>
        <translation>Tìm người (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="136"/>
        <source>Invited &amp;people</source>
        <translation>Cá nhân được mời (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="139"/>
        <source>Vietnam time (UTC+07:00)</source>
        <translation>Giờ Việt Nam (UTC+07:00)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="140"/>
        <source>Ward halls join over video</source>
        <translation>Các điểm cầu phường tham dự trực tuyến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="141"/>
        <source>Name or title</source>
        <translation>Họ tên hoặc chức vụ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="169"/>
        <source>Give the meeting a title.</source>
        <translation>Hãy nhập tiêu đề cuộc họp.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="171"/>
        <source>You do not organise meetings for any unit.</source>
        <translation>Bạn không được tổ chức cuộc họp cho đơn vị nào.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/meeting_dialog.py" line="174"/>
        <source>The meeting must end after it starts.</source>
        <translation>Giờ kết thúc phải sau giờ bắt đầu.</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="29"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="30"/>
        <source>Title</source>
        <translation>Tên cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="31"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="32"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="33"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/model.py" line="45"/>
        <source>video</source>
        <translation>trực tuyến</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="161"/>
        <source>New agenda item</source>
        <translation>Mục chương trình mới</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="162"/>
        <source>Presenter</source>
        <translation>Người trình bày</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="163"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="164"/>
        <source>A&amp;dd item</source>
        <translation>Thêm &amp;mục</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="165"/>
        <source>&amp;Remove item</source>
        <translation>&amp;Xóa mục</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="166"/>
        <source>&amp;Attach PDF…</source>
        <translation>Đính &amp;kèm PDF…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="167"/>
        <source>Replace with &amp;new version…</source>
        <translation>Thay bằng phiên bản &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="168"/>
        <source>Upload a new version of the selected document</source>
        <translation>Tải lên phiên bản mới của tài liệu đang chọn</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="169"/>
        <source>&amp;Edit meeting…</source>
        <translation>&amp;Sửa cuộc họp…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="170"/>
        <source>&amp;Publish</source>
        <translation>&amp;Phát hành</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="171"/>
        <source>Invited</source>
        <translation>Thành phần mời</translation>
    </message>
    <message>
        <source>&amp;Live meeting</source>
        <translation>Điều hành &amp;phiên họp</translation>
    </message>
    <message>
        <source>Roll call, the floor, votes and presenting</source>
        <translation>Điểm danh, phát biểu, biểu quyết và trình chiếu</translation>
    </message>
    <message>
        <source>&amp;Join video</source>
        <translation>Tham gia &amp;trực tuyến</translation>
    </message>
    <message>
        <source>&amp;Start meeting</source>
        <translation>&amp;Bắt đầu cuộc họp</translation>
    </message>
    <message>
        <source>Open the roll call, the floor and votes</source>
        <translation>Mở điểm danh, đăng ký phát biểu và biểu quyết</translation>
    </message>
    <message>
        <source>E&amp;nd meeting</source>
        <translation>&amp;Kết thúc cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="199"/>
        <source>Total planned time: {0} min ({1}h{2:02d})</source>
        <translation>Tổng thời gian dự kiến: {0} phút ({1} giờ {2:02d})</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="230"/>
        <source>Documents of the meeting</source>
        <translation>Tài liệu của cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="233"/>
        <source>Documents of item: {0}</source>
        <translation>Tài liệu của mục: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="256"/>
        <source>Give the new item a title.</source>
        <translation>Hãy nhập tiêu đề cho mục mới.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="282"/>
        <source>Attach a PDF</source>
        <translation>Đính kèm tệp PDF</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="283"/>
        <location filename="../../ecabinet/agenda/page.py" line="297"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py" line="296"/>
        <source>Choose the new version (PDF)</source>
        <translation>Chọn phiên bản mới (PDF)</translation>
    </message>
</context>
<context>
    <name>MeetingStatus</name>
    <message>
        <location filename="../../ecabinet/calendar/status_names.py" line="10"/>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/status_names.py" line="11"/>
        <source>Published</source>
        <translation>Đã phát hành</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/status_names.py" line="12"/>
        <source>In progress</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/status_names.py" line="13"/>
        <source>Ended</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/status_names.py" line="14"/>
        <source>Archived</source>
        <translation>Đã lưu trữ</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="94"/>
        <source>A note was changed on another device while you were offline. Both versions are kept; which one do you want?</source>
        <translation>Ghi chú này đã được sửa trên thiết bị khác trong lúc bạn mất kết nối. Cả hai bản đều được giữ; bạn muốn giữ bản nào?</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="96"/>
        <source>Keep &amp;mine</source>
        <translation>Giữ bản của &amp;tôi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="97"/>
        <source>Keep the &amp;other</source>
        <translation>Giữ bản &amp;kia</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="98"/>
        <source>Keep &amp;both</source>
        <translation>Giữ &amp;cả hai</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="100"/>
        <source>My private notes</source>
        <translation>Ghi chú riêng của tôi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="101"/>
        <source>Write a note; only you will see it</source>
        <translation>Viết ghi chú; chỉ mình bạn xem được</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="102"/>
        <source>Pin note on this page</source>
        <translation>Ghim ghi chú vào trang này</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="103"/>
        <source>Comments on the draft</source>
        <translation>Góp ý cho dự thảo</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="104"/>
        <source>Your comment for the secretary</source>
        <translation>Góp ý của bạn gửi thư ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="105"/>
        <source>Send comment</source>
        <translation>Gửi góp ý</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="125"/>
        <source>Mine (p. {0}): {1}</source>
        <translation>Bản của tôi (tr. {0}): {1}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="128"/>
        <source>The other: {0}</source>
        <translation>Bản kia: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="129"/>
        <source>The other device deleted this note.</source>
        <translation>Thiết bị kia đã xóa ghi chú này.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/notes/panel.py" line="141"/>
        <source>Not connected: choose again when the connection is back ({0}).</source>
        <translation>Chưa có kết nối: hãy chọn lại khi có mạng ({0}).</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ecabinet/shell/notifier.py" line="31"/>
        <source>New meeting</source>
        <translation>Cuộc họp mới</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/notifier.py" line="33"/>
        <source>Meeting status changed</source>
        <translation>Trạng thái cuộc họp đã thay đổi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/notifier.py" line="35"/>
        <source>Meeting changed</source>
        <translation>Cuộc họp đã thay đổi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/notifier.py" line="38"/>
        <source>A document was replaced by a new version</source>
        <translation>Một tài liệu đã được thay bằng phiên bản mới</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="143"/>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="144"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="145"/>
        <source>Whole page</source>
        <translation>Cả trang</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="146"/>
        <source>Search in the document (Ctrl+F)</source>
        <translation>Tìm trong tài liệu (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="147"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="148"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="252"/>
        <source>of {0}</source>
        <translation>/ {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/documents/viewer.py" line="255"/>
        <source>{0} / {1} hits</source>
        <translation>{0} / {1} kết quả</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="16"/>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="17"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="9"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="10"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="11"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="12"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="13"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="14"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../ecabinet/core/qt_strings.py" line="15"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
</context>
<context>
    <name>SecretaryController</name>
    <message>
        <location filename="../../ecabinet/secretary/controller.py" line="44"/>
        <source>Not connected: this change needs the server.</source>
        <translation>Chưa kết nối: thay đổi này cần máy chủ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/controller.py" line="81"/>
        <source>Only PDF files can be attached.</source>
        <translation>Chỉ đính kèm được tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/secretary/controller.py" line="107"/>
        <source>The upload could not be finished; try again later.</source>
        <translation>Chưa tải lên xong; hãy thử lại sau.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="107"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="109"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="109"/>
        <source>&amp;Server</source>
        <translation>&amp;Máy chủ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="109"/>
        <source>&amp;Cache folder</source>
        <translation>Thư mục &amp;lưu trữ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="110"/>
        <source>Cache &amp;limit</source>
        <translation>&amp;Dung lượng tối đa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="110"/>
        <source>&amp;Font size</source>
        <translation>&amp;Cỡ chữ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="113"/>
        <source>&amp;Browse…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="114"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="115"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="116"/>
        <source>Forget this &amp;laptop…</source>
        <translation>&amp;Xóa dữ liệu trên máy này…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="124"/>
        <source>Where the offline copy is kept</source>
        <translation>Nơi lưu bản sao ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="138"/>
        <source>The server address starts with wss:// (ws:// on loopback).</source>
        <translation>Địa chỉ máy chủ bắt đầu bằng wss:// (ws:// khi chạy nội bộ).</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="142"/>
        <source>The cache folder must be a full path.</source>
        <translation>Thư mục lưu trữ phải là đường dẫn đầy đủ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="165"/>
        <source>Forget this laptop</source>
        <translation>Xóa dữ liệu trên máy này</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="166"/>
        <source>Delete the offline copy of every meeting and document, the pinned server certificates and the saved user names from this laptop? Notes and comments not yet sent are lost too.</source>
        <translation>Xóa khỏi máy này bản sao ngoại tuyến của mọi cuộc họp và tài liệu, các chứng thư máy chủ đã ghi nhớ và tên đăng nhập đã lưu? Ghi chú và góp ý chưa gửi cũng sẽ mất.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="174"/>
        <source>The cache could not be deleted: {0}</source>
        <translation>Không xóa được dữ liệu lưu trữ: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/preferences/dialog.py" line="176"/>
        <source>This laptop no longer keeps anything of eCabinet in {0}.</source>
        <translation>Máy này không còn giữ dữ liệu eCabinet nào trong {0}.</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../ecabinet/signing/panel.py" line="33"/>
        <source>Signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/panel.py" line="52"/>
        <source>No signature yet.</source>
        <translation>Chưa có chữ ký nào.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/panel.py" line="54"/>
        <source>All {0} signatures are valid.</source>
        <translation>Tất cả {0} chữ ký đều hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/panel.py" line="56"/>
        <source>Some signatures are NOT valid.</source>
        <translation>Có chữ ký KHÔNG hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/panel.py" line="64"/>
        <source>{0} — {1}
Field {2}, signed {3}</source>
        <translation>{0} — {1}
Ô ký {2}, ký lúc {3}</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="126"/>
        <source>Documents waiting for my signature</source>
        <translation>Văn bản chờ tôi ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="127"/>
        <source>Refresh</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="128"/>
        <source>Sign checked documents…</source>
        <translation>Ký các văn bản đã chọn…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="129"/>
        <source>Decline…</source>
        <translation>Từ chối ký…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="130"/>
        <source>Key file (.p12)</source>
        <translation>Tệp khóa (.p12)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="131"/>
        <source>Path of the key file</source>
        <translation>Đường dẫn tệp khóa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="132"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="133"/>
        <source>USB token</source>
        <translation>Thiết bị ký số (USB token)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="134"/>
        <source>Find tokens</source>
        <translation>Tìm thiết bị</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="154"/>
        <source>Token PIN</source>
        <translation>Mã PIN thiết bị ký số</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="154"/>
        <source>PIN of the USB token:</source>
        <translation>Mã PIN của thiết bị ký số:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="158"/>
        <source>Key file password</source>
        <translation>Mật khẩu tệp khóa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="159"/>
        <source>Password of the key file:</source>
        <translation>Mật khẩu của tệp khóa:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="182"/>
        <source>The list cannot be loaded now: {0}</source>
        <translation>Chưa tải được danh sách: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="206"/>
        <source>The document cannot be opened now: {0}</source>
        <translation>Chưa mở được văn bản: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="227"/>
        <source>Key file</source>
        <translation>Tệp khóa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="227"/>
        <source>Key files (*.p12 *.pfx)</source>
        <translation>Tệp khóa (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="245"/>
        <source>No USB token with a certificate was found.</source>
        <translation>Không tìm thấy thiết bị ký số có chứng thư số.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="252"/>
        <source>Tick the documents to sign first.</source>
        <translation>Hãy đánh dấu các văn bản cần ký trước.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="256"/>
        <source>Choose a key file or a token first.</source>
        <translation>Hãy chọn tệp khóa hoặc thiết bị ký số trước.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="274"/>
        <source>Select the document to decline first.</source>
        <translation>Hãy chọn văn bản muốn từ chối ký.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="277"/>
        <source>Decline to sign</source>
        <translation>Từ chối ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/page.py" line="278"/>
        <source>Why do you decline? The sender will read this.</source>
        <translation>Lý do từ chối ký (người gửi sẽ đọc được):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecabinet/signing/page.py" line="265"/>
        <source>Signed and sent: %n document(s).</source>
        <translation>
            <numerusform>Đã ký và gửi %n văn bản.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SigningStatus</name>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="11"/>
        <source>Waiting for signatures</source>
        <translation>Đang chờ ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="12"/>
        <source>Being signed</source>
        <translation>Đang ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="13"/>
        <source>Signed by everyone</source>
        <translation>Đã ký xong</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="14"/>
        <source>Declined</source>
        <translation>Bị từ chối ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="15"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="18"/>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="19"/>
        <source>Document changed after signing</source>
        <translation>Văn bản bị thay đổi sau khi ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="20"/>
        <source>Certificate revoked</source>
        <translation>Chứng thư số đã bị thu hồi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="21"/>
        <source>Certificate not trusted</source>
        <translation>Chứng thư số không thuộc chuỗi tin cậy</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="22"/>
        <source>Not valid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/status_names.py" line="23"/>
        <source>Document timestamp</source>
        <translation>Dấu thời gian văn bản</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ecabinet/signing/model.py" line="45"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/model.py" line="45"/>
        <source>My field</source>
        <translation>Ô ký của tôi</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/model.py" line="45"/>
        <source>Turn</source>
        <translation>Lượt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/model.py" line="45"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ecabinet/signing/model.py" line="70"/>
        <source>page {0}</source>
        <translation>trang {0}</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../ecabinet/calendar/week_view.py" line="85"/>
        <source>◀ Previous week</source>
        <translation>◀ Tuần trước</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/week_view.py" line="86"/>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/week_view.py" line="87"/>
        <source>Next week ▶</source>
        <translation>Tuần sau ▶</translation>
    </message>
    <message>
        <location filename="../../ecabinet/calendar/week_view.py" line="111"/>
        <source>Week of {0} – {1}</source>
        <translation>Tuần từ {0} – {1}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="90"/>
        <source>Waiting for my signature</source>
        <translation>Chờ tôi ký</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="87"/>
        <source>Calendar</source>
        <translation>Lịch họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="89"/>
        <source>Meetings</source>
        <translation>Danh sách cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="91"/>
        <source>New meeting…</source>
        <translation>Cuộc họp mới…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="92"/>
        <source>Create a meeting (Ctrl+N)</source>
        <translation>Tạo cuộc họp (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="145"/>
        <source>This meeting cannot be opened now: {0}</source>
        <translation>Chưa mở được cuộc họp này: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="176"/>
        <source>This document is not available offline yet.</source>
        <translation>Tài liệu này chưa có bản lưu ngoại tuyến.</translation>
    </message>
</context>
</TS>
