# Nhập bảng danh sách cán bộ, công chức (orgplan import).
import-unmatched-title = chức danh “{ $title }” không phải chức danh nào trong các mẫu định biên đi kèm: chức danh này không có nhiệm vụ nào, nên không ai được tính điểm liên tục công việc từ chức danh này
import-unmatched-title-help = ghi chức danh như trong mẫu (ví dụ “Tư pháp - hộ tịch”), hoặc khai chức danh cùng các nhiệm vụ của nó trong trang “Vị trí việc làm”
import-note-read = đã đọc { $people } người từ trang “{ $sheet }”
import-note-replaced = ({ $replaced } người thay cho người cùng mã)
import-note-derived = ; lập { $units } đơn vị và { $posts } chức danh từ các ô Đơn vị và Chức danh
import-note-catalogue = ; { $functions } nhiệm vụ của danh mục chuẩn, { $matched } chức danh được gán nhiệm vụ của chức danh mẫu cùng tên, { $mandates } phân công chủ trì
import-note-as-of-today = ; ngày số liệu là hôm nay, { $date } (dùng --as-of để ghi ngày của bảng)
import-note-written = ; đã ghi vào { $path }
