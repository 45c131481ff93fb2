# Nhập bảng biên chế (orgplan import): các thông báo về ô, dòng, cột và tệp.

## Vị trí trong bảng tính
import-loc-sheet = trang "{ $sheet }"
import-loc-row = dòng { $row }
import-loc-column = cột { $column }
import-loc-column-named = cột { $column } ({ $header })

## Đọc tệp
import-check-path = hãy kiểm tra đường dẫn
import-file-too-large = tệp nặng { $mb } MB, quá lớn đối với một bảng biên chế
import-workbook-damaged = không đọc được bảng tính: tệp bị hỏng (bộ đọc xlsx không đọc tiếp được)
import-workbook-damaged-help = hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx
import-workbook-unreadable = không đọc được bảng tính (chi tiết kỹ thuật: { $reason })
import-workbook-unreadable-help = hãy lưu lại tệp từ Excel hoặc LibreOffice dưới dạng .xlsx rồi thử lại
import-sheet-unreadable = không đọc được trang "{ $sheet }" (chi tiết kỹ thuật: { $reason })
import-csv-utf16 = tệp không phải UTF-8 (tệp là UTF-16, Excel gọi là "Unicode Text")
import-csv-utf8-help = hãy lưu dưới dạng CSV UTF-8 (trong Excel: Save As, "CSV UTF-8 (Comma delimited)")
import-binary = đây là tệp nhị phân, không phải bảng tính (.xlsx) cũng không phải tệp văn bản CSV
import-csv-unreadable = dòng { $row }: không đọc được CSV (chi tiết kỹ thuật: { $reason })
import-csv-not-utf8 = tệp không phải UTF-8 (có vẻ là { $encoding }): không đọc được byte { $byte }
import-csv-not-utf8-help = hãy lưu dưới dạng CSV UTF-8 (trong Excel: Save As, "CSV UTF-8 (Comma delimited)"; trong LibreOffice: Character set "Unicode (UTF-8)")
import-encoding-1258 = Windows-1258, bảng mã ANSI tiếng Việt
import-encoding-tcvn3 = TCVN3 (ABC), bảng mã phông chữ tiếng Việt cũ
import-encoding-8bit = một bảng mã 8 bit như Windows-1252

## Trang, dòng tiêu đề và cột
import-no-such-sheet = không có trang "{ $sheet }"
import-sheets-are = các trang là { $sheets }
import-no-staff-sheet = không có trang danh sách cán bộ (mỗi người một dòng)
import-no-staff-sheet-help = các trang là { $sheets }; hãy thêm một trang có các cột Họ và tên, Ngày sinh, Giới tính, Hệ số lương
import-no-header = không có dòng tiêu đề: trong { $rows } dòng đầu không dòng nào ghi tên các cột { $names }
import-no-header-help = hãy ghi tên các cột trên một dòng, phía trên số liệu (bảng các cột: xem README)
import-column-missing = dòng tiêu đề thiếu cột "{ $name }"
import-column-missing-help = hãy thêm một cột có tiêu đề "{ $name }"
import-column-twice = hai cột cùng ghi một nội dung: cột { $first } và cột { $second }
import-column-twice-help = hãy giữ một cột, hoặc đổi tên cột kia
import-column-unknown = orgplan không biết cột này; cột này không được đọc
import-column-unknown-help = README liệt kê các cột orgplan đọc
import-below-notes = dòng này có vẻ là một người, nhưng nằm dưới dòng ghi chú { $row }, nơi orgplan dừng đọc
import-below-notes-help = hãy chuyển phần ghi chú xuống dưới người cuối cùng, hoặc xóa đi

## Ô
import-cell-empty = ô này còn trống
import-cell-empty-help = hãy điền vào
import-cell-error = ô chứa lỗi { $error }, không phải { $what ->
    [number] một số
    [whole] một số nguyên
   *[date] một ngày
}
import-cell-date = ô chứa ngày { $date }, không phải { $what ->
    [number] một số
   *[whole] một số nguyên
}
import-cell-not-a = "{ $text }" không phải { $what ->
    [number] một số
    [whole] một số nguyên
   *[date] một ngày
}
import-not-number = "{ $text }" không phải một số
import-not-whole = { $text } không phải một số nguyên
import-not-whole-text = "{ $text }" không phải một số nguyên
import-unknown-value = orgplan không hiểu giá trị "{ $text }" ở ô này
import-number-help = hãy viết một số, ví dụ 3,99 hoặc 3.99
import-unit-kind-help = hãy ghi Xã, Phường, Thị trấn, Đặc khu, Huyện, Tỉnh, Phòng hoặc Cơ quan (hoặc Commune, Ward, Township, SpecialZone, District, Province, Department, Agency)
import-not-unit-kind = "{ $text }" không phải một loại đơn vị
import-unit-kinds-help = hãy ghi các loại đơn vị, cách nhau bằng dấu phẩy, ví dụ Xã, Phường, Thị trấn
import-class-help = hãy ghi I, II hoặc III
import-level-help = hãy ghi Tỉnh, Huyện hoặc Xã
import-post-kind-help = hãy ghi Lãnh đạo, Cán bộ, Công chức hoặc Không chuyên trách
import-gender-help = hãy ghi Nam hoặc Nữ
import-role-help = hãy ghi Chủ trì hoặc Phối hợp
import-quota-too-large = định mức { $quota } quá lớn
import-quota-help = hãy ghi số vị trí
import-name-help = hãy ghi họ và tên đầy đủ của người này
import-born-help = hãy ghi ngày theo dạng dd/mm/yyyy (ví dụ 05/02/1963), yyyy-mm-dd, hoặc tháng theo dạng mm/yyyy
import-not-months = { $text } không phải một số tháng
import-months-help = hãy ghi số tháng đóng bảo hiểm xã hội, là số nguyên, ví dụ 342
import-salary-unusual = hệ số lương { $salary } nằm ngoài khoảng thường gặp { $low }–{ $high }
import-salary-unusual-help = hãy kiểm tra dấu thập phân: 3,99 là ba phẩy chín mươi chín
import-as-of-needs-day = ngày số liệu của mô hình phải có ngày
import-as-of-needs-day-help = hãy ghi theo dạng dd/mm/yyyy
import-date-help = hãy ghi theo dạng dd/mm/yyyy hoặc yyyy-mm-dd
import-as-of-unknown = không rõ bảng mô tả số liệu tại ngày nào
import-as-of-unknown-help = hãy cho Options::as_of, hoặc một trang `Mô hình` có ô `Ngày số liệu`

## Ngày tháng viết bằng chữ
import-not-date = "{ $text }" không phải một ngày
import-date-short-year = "{ $text }" không có năm đủ bốn chữ số: hãy ghi năm đầy đủ
import-year-alone = { $year } chỉ là một năm: hãy ghi cả tháng (mm/yyyy) hoặc cả ngày
import-no-month = "{ $text }": không có tháng { $month }
import-no-month-swapped = "{ $text }": không có tháng { $month } (ngày đứng trước trong dd/mm/yyyy; có phải đây là tháng/ngày/năm?)
import-no-day = "{ $text }": tháng { $month } năm { $year } không có ngày { $day }

## Đơn vị, vị trí và mã
import-id-in-base = { $what ->
    [function] chức năng
    [unit] đơn vị
    [post] vị trí
   *[staff] người
} có mã "{ $id }" đã có trong mô hình mà bảng này được nhập vào
import-id-in-base-help = hãy cho mã khác, hoặc dùng --replace để cập nhật bản ghi trong mô hình
import-duplicate-id = mã trùng: { $at } cũng có { $what ->
    [function] chức năng
    [unit] đơn vị
    [post] vị trí
   *[staff] người
} mã "{ $id }"
import-duplicate-id-help = hãy cho mỗi { $what ->
    [function] chức năng
    [unit] đơn vị
    [post] vị trí
   *[staff] người
} một mã riêng
import-post-kind = { $kind ->
    [Leader] lãnh đạo
    [Cadre] cán bộ
    [CivilServant] công chức
   *[PartTime] không chuyên trách
}
import-wrong-unit-of-post = "{ $unit }" không phải đơn vị của vị trí "{ $post }" (đơn vị của vị trí này là "{ $actual }")
import-wrong-unit-of-post-help = hãy sửa đơn vị, hoặc mã vị trí
import-wrong-title = vị trí "{ $post }" có chức danh "{ $actual }", không phải "{ $title }"
import-wrong-title-help = hãy sửa chức danh, hoặc xóa mã vị trí để bố trí người này theo chức danh
import-unknown-post = vị trí "{ $post }" không có trong trang Vị trí việc làm, cũng không có trong mô hình
import-unknown-post-help = hãy ghi vị trí này vào trang Vị trí việc làm, hoặc ghi đơn vị và chức danh
import-title-without-unit = có chức danh nhưng không có đơn vị
import-title-without-unit-help = hãy điền ô Đơn vị
import-title-ambiguous = nhiều vị trí của đơn vị này có cùng chức danh: { $ids }
import-title-ambiguous-help = hãy thêm cột Mã vị trí ghi mã của vị trí
import-kind-differs = ở đây vị trí này là { $kind }, nhưng ở dòng { $row } là { $other }
import-kind-differs-help = mọi người giữ cùng một vị trí phải cùng một loại
import-kind-of-post = vị trí "{ $post }" là { $actual }, không phải { $kind }
import-kind-of-post-help = hãy sửa loại, hoặc sửa vị trí ở trang của nó
import-unit-ambiguous = nhiều đơn vị có tên "{ $unit }": { $ids }
import-unit-ambiguous-help = hãy ghi mã của đơn vị thay cho tên
import-unit-kind-unknown = orgplan không biết "{ $unit }" là loại đơn vị nào
import-unit-kind-unknown-help = hãy ghi "Xã { $unit }", "Phường { $unit }" hoặc "Thị trấn { $unit }", hoặc liệt kê đơn vị trong trang Đơn vị
import-unit-id-taken = đơn vị "{ $unit }" sẽ nhận mã "{ $id }", nhưng mã này đã thuộc đơn vị khác
import-unit-id-taken-help = hãy liệt kê các đơn vị cùng mã của chúng trong trang Đơn vị
import-kind-from-title = orgplan không suy ra được loại của vị trí "{ $title }" từ chức danh: tạm coi là công chức
import-kind-from-title-help = hãy thêm cột Loại (Cán bộ, Công chức, Lãnh đạo, Không chuyên trách) để ghi rõ

## Lệnh orgplan import
import-would-overwrite = -o { $file } sẽ ghi đè lên một tệp đầu vào; orgplan không bao giờ ghi vào tệp đầu vào: hãy đặt tên tệp mới
import-bad-as-of = --as-of { $text }: không phải một ngày; hãy ghi YYYY-MM-DD hoặc dd/mm/yyyy
import-header = Nhập bằng orgplan từ { $file }
import-header-sheet = , trang "{ $sheet }"
import-header-into = , vào { $file }
