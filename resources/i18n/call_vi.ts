<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>CallController</name>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="235"/>
        <source>Not connected: this needs the server.</source>
        <translation>Chưa kết nối: việc này cần máy chủ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="240"/>
        <source>Muted</source>
        <translation>Đã tắt tiếng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="271"/>
        <source>Reconnected</source>
        <translation>Đã kết nối lại</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="271"/>
        <source>In the call</source>
        <translation>Đang trong cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="273"/>
        <source>Joining…</source>
        <translation>Đang tham gia…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="275"/>
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="277"/>
        <source>Could not join the call: {0}</source>
        <translation>Không tham gia được cuộc họp trực tuyến: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="279"/>
        <source>The chair removed this site from the call.</source>
        <translation>Chủ trì đã mời điểm cầu này ra khỏi cuộc họp.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="280"/>
        <source>This account joined the call from another computer.</source>
        <translation>Tài khoản này đã tham gia cuộc họp từ máy khác.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="281"/>
        <source>The server is stopping.</source>
        <translation>Máy chủ đang dừng.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="282"/>
        <source>The connection failed.</source>
        <translation>Kết nối bị lỗi.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/controller.py" line="284"/>
        <source>You left the call.</source>
        <translation>Bạn đã rời cuộc họp.</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <location filename="../../ecabinet/call/view.py" line="123"/>
        <source>Video call: {0}</source>
        <translation>Họp trực tuyến: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="124"/>
        <source>Unmute</source>
        <translation>Bật tiếng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="124"/>
        <source>Mute</source>
        <translation>Tắt tiếng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="126"/>
        <source>Camera off</source>
        <translation>Tắt camera</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="126"/>
        <source>Camera on</source>
        <translation>Bật camera</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="129"/>
        <source>Lower hand</source>
        <translation>Hạ tay</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="129"/>
        <source>Raise hand</source>
        <translation>Giơ tay</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="132"/>
        <source>Grid view</source>
        <translation>Xem dạng lưới</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="132"/>
        <source>Speaker view</source>
        <translation>Xem người phát biểu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="134"/>
        <source>Camera and microphone…</source>
        <translation>Camera và micrô…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="135"/>
        <source>Leave</source>
        <translation>Rời cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="136"/>
        <source>Mute all</source>
        <translation>Tắt tiếng tất cả</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="138"/>
        <source>Unlock the room</source>
        <translation>Mở khóa phòng họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="138"/>
        <source>Lock the room</source>
        <translation>Khóa phòng họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="141"/>
        <source>Stop recording</source>
        <translation>Dừng ghi hình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="141"/>
        <source>Record</source>
        <translation>Ghi hình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="148"/>
        <source>Connection: good</source>
        <translation>Kết nối: tốt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="149"/>
        <source>Connection: fair</source>
        <translation>Kết nối: trung bình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="150"/>
        <source>Connection: poor</source>
        <translation>Kết nối: kém</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="151"/>
        <source>Connection: not measured yet</source>
        <translation>Kết nối: chưa đo</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="326"/>
        <source>Give the floor</source>
        <translation>Trao quyền phát biểu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="331"/>
        <source>Spotlight</source>
        <translation>Đưa lên màn hình chính</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="333"/>
        <source>Unpin</source>
        <translation>Bỏ ghim</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="335"/>
        <source>Pin</source>
        <translation>Ghim</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="336"/>
        <source>Remove from the call</source>
        <translation>Mời ra khỏi cuộc họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="338"/>
        <source>Show video</source>
        <translation>Hiện hình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/view.py" line="340"/>
        <source>Hide video</source>
        <translation>Ẩn hình</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="204"/>
        <source>Camera and microphone</source>
        <translation>Camera và micrô</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="205"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="206"/>
        <source>Microphone</source>
        <translation>Micrô</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="207"/>
        <source>Level</source>
        <translation>Âm lượng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="210"/>
        <source>No camera or microphone was found on this computer: the test pattern and tone are sent.</source>
        <translation>Không tìm thấy camera hay micrô trên máy này: đang gửi hình mẫu thử và âm thử.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="226"/>
        <source>Test pattern (no camera)</source>
        <translation>Hình mẫu thử (không có camera)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/devices.py" line="228"/>
        <source>Test tone (no microphone)</source>
        <translation>Âm thử (không có micrô)</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="83"/>
        <source>Muted by the chair</source>
        <translation>Chủ trì đã tắt tiếng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="83"/>
        <source>Muted</source>
        <translation>Đã tắt tiếng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="86"/>
        <source>Connection: good</source>
        <translation>Kết nối: tốt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="87"/>
        <source>Connection: fair</source>
        <translation>Kết nối: trung bình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="88"/>
        <source>Connection: poor</source>
        <translation>Kết nối: kém</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="89"/>
        <source>Connection: not measured yet</source>
        <translation>Kết nối: chưa đo</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="97"/>
        <source>Video hidden</source>
        <translation>Đã ẩn hình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/tiles.py" line="99"/>
        <source>No picture yet</source>
        <translation>Chưa có hình</translation>
    </message>
</context>
<context>
    <name>WardHallView</name>
    <message>
        <location filename="../../ecabinet/call/ward_hall.py" line="108"/>
        <source>Hand raised: waiting for the floor</source>
        <translation>Đã giơ tay: đang chờ được phát biểu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/ward_hall.py" line="110"/>
        <source>Raise hand to speak</source>
        <translation>Giơ tay xin phát biểu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/ward_hall.py" line="114"/>
        <source>Waiting for the other sites…</source>
        <translation>Đang chờ các điểm cầu khác…</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="206"/>
        <source>The video call needs the connection to the server.</source>
        <translation>Họp trực tuyến cần kết nối tới máy chủ.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/shell/workspace.py" line="216"/>
        <source>Video: {0}</source>
        <translation>Trực tuyến: {0}</translation>
    </message>
</context>
<context>
    <name>RecordingsDialog</name>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Video recordings</source>
        <translation>Bản ghi hình phiên họp trực tuyến</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Recordings of “{0}”</source>
        <translation>Các bản ghi hình của “{0}”</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Stopped</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>&amp;Save…</source>
        <translation>&amp;Lưu…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>The recordings cannot be listed now: {0}</source>
        <translation>Chưa thể xem danh sách bản ghi: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>recording…</source>
        <translation>đang ghi…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>No recordings yet: the chair records from the video call's toolbar.</source>
        <translation>Chưa có bản ghi nào: chủ trì bắt đầu ghi hình trên thanh công cụ của phiên họp trực tuyến.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Save the recording</source>
        <translation>Lưu bản ghi hình</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Matroska video (*.mkv)</source>
        <translation>Video Matroska (*.mkv)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Saving {0}…</source>
        <translation>Đang lưu {0}…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>The recording was not saved: {0}</source>
        <translation>Chưa lưu được bản ghi: {0}</translation>
    </message>
    <message>
        <location filename="../../ecabinet/call/recordings.py"/>
        <source>Saved to {0}</source>
        <translation>Đã lưu vào {0}</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../ecabinet/agenda/page.py"/>
        <source>Recordings…</source>
        <translation>Bản ghi hình…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/agenda/page.py"/>
        <source>The video session's recordings, to save</source>
        <translation>Các bản ghi hình của phiên họp trực tuyến, để lưu về máy</translation>
    </message>
</context>
</TS>
