# Kiểm tra tệp: đọc tệp, cú pháp RON, và kiểm tra nội dung Model, Norms, Scenario.

## Đọc tệp
check-file-cannot-open = không mở được tệp: { $reason }
check-file-cannot-open-help = kiểm tra đường dẫn; đường dẫn ghi trong một tệp được tính từ thư mục của tệp đó
check-file-cannot-read = không đọc được tệp: { $reason }
check-file-is-folder = đây là một thư mục, không phải một tệp
check-file-is-folder-help = hãy chỉ ra một tệp .ron
check-file-too-large = tệp nặng { $mb } MB, quá mức { $max } MB mà orgplan đọc
check-file-too-large-help = hãy tách mô hình, hoặc kiểm tra lại có đúng tệp không
check-file-utf16 = tệp được lưu theo bảng mã UTF-16; orgplan đọc UTF-8
check-file-utf16-help = hãy lưu tệp theo UTF-8 (trong Notepad: Save as, Encoding: UTF-8)
check-file-binary = đây là tệp nhị phân, không phải tệp văn bản RON
check-file-not-utf8 = tệp không phải văn bản UTF-8: byte { $byte } không thể mở đầu một ký tự ở đây
check-file-not-utf8-help = hãy lưu tệp theo UTF-8 (văn bản tiếng Việt theo Windows-1258 hay TCVN3 phải được chuyển mã)
check-file-nul = đây là tệp nhị phân, không phải tệp văn bản RON (tệp có byte NUL)
check-file-nul-help = hãy chỉ ra một tệp .ron lưu dưới dạng văn bản UTF-8
check-io-not-found = không có tệp này
check-io-permission = không có quyền đọc
check-file-kind-help = tệp của orgplan bắt đầu bằng Model(...), Norms(...) hoặc Scenario(...)
check-file-empty = tệp trống
check-file-only-comments = tệp chỉ có chú thích: không có Model(...), Norms(...) hay Scenario(...)
check-file-not-orgplan = đây không phải tệp của orgplan: tệp bắt đầu bằng `{ $found }`
check-file-scanner = orgplan không lần theo được cấu trúc của tệp này
check-file-scanner-help = xin gửi tệp này cho nhóm phát triển: ron đã nhận tệp nhưng bộ dò vị trí của orgplan thì không
check-found-eof = cuối tệp

## Cú pháp RON
check-syntax-unclosed-comment = chú thích `/*` này không bao giờ được đóng
check-syntax-unclosed-comment-hides = chú thích `/*` này không bao giờ được đóng: nó che mất phần còn lại của tệp
check-syntax-unclosed-comment-help = hãy đóng chú thích bằng `*/`
check-syntax-unclosed-line-comment = một dòng chú thích không kết thúc
check-syntax-unclosed-bracket = `{ $label }` không được đóng: tệp kết thúc trước dấu `{ $close }` của nó
check-syntax-unclosed-bracket-help = hãy thêm dấu `{ $close }` còn thiếu; các dấu ngoặc đóng theo thứ tự ngược với khi mở
check-syntax-unclosed-string = đoạn văn bản trong ngoặc kép này không được đóng
check-syntax-unclosed-string-help = hãy thêm dấu `"` đóng ở cuối đoạn văn bản
check-syntax-missing-field-in = thiếu trường `{ $field }` trong { $outer }
check-syntax-missing-field = thiếu trường `{ $field }`
check-syntax-missing-field-help = hãy thêm `{ $field }: ...` (ý nghĩa của trường: xem docs/)
check-syntax-bad-escape = `{ $escape }` không phải một ký tự thoát hợp lệ trong văn bản trong ngoặc kép
check-syntax-escape-help = để viết dấu gạch chéo ngược, hãy viết hai lần: `\\`
check-syntax-invalid-escape = ký tự thoát không hợp lệ trong văn bản trong ngoặc kép
check-syntax-negative = không được dùng số âm (`{ $num }`) ở đây
check-syntax-negative-help = trường này đếm một thứ gì đó (người, tháng, đồng): hãy viết số từ 0 trở lên
check-syntax-out-of-range = số `{ $num }` vượt quá giới hạn của trường này
check-syntax-out-of-range-help = trường này nhận một số nguyên từ 0 trở lên, có độ lớn hợp lý
check-syntax-not-whole = ở đây cần một số nguyên, không phải `{ $found }`
check-syntax-not-whole-help = trường này đếm một thứ gì đó: hãy viết số không có dấu thập phân
check-syntax-string-runs-over = đoạn văn bản trong ngoặc kép bắt đầu ở đây không được đóng trên dòng của nó: có lẽ thiếu dấu `"` đóng
check-syntax-string-runs-over-help = orgplan đã đọc nó như văn bản đến dấu `"` kế tiếp, và dừng ở dòng { $line }
check-syntax-comma-missing-at = có lẽ thiếu dấu phẩy ở cuối dòng { $line }
check-syntax-comma-help = các trường và các phần tử của danh sách được ngăn cách bằng dấu phẩy
check-syntax-unknown-field = không có trường `{ $field }`
check-syntax-unknown-field-in = không có trường `{ $field }` trong { $outer }
check-syntax-unknown-field-help = hãy kiểm tra chính tả; các trường là: { $fields }
check-syntax-bad-variant = `{ $found }` không phải { $what } hợp lệ
check-syntax-bad-variant-help = hãy dùng một trong: { $values }
check-what-unit-kind = loại đơn vị
check-what-post-kind = loại vị trí
check-what-level = cấp
check-what-class = loại (hạng) đơn vị
check-what-gender = giới tính
check-what-role = vai trò
check-what-pool = phạm vi xét chọn
check-what-rule = quy tắc
check-what-value-for = giá trị cho { $name }
check-what-value = giá trị
check-syntax-struct-name = ở đây cần { $expected }(...), nhưng gặp { $found }(...)
check-syntax-struct-name-help = chỗ này chứa một { $expected }
check-syntax-field-twice = trường `{ $field }` được viết hai lần
check-syntax-field-twice-in = trường `{ $field }` được viết hai lần trong { $outer }
check-syntax-field-twice-help = hãy giữ lại một
check-syntax-eof = tệp kết thúc quá sớm
check-syntax-eof-help = có một dấu ngoặc chưa được đóng
check-syntax-too-deep = tệp lồng các dấu ngoặc quá sâu
check-syntax-too-deep-help = tệp của orgplan chỉ lồng vài cấp; hãy kiểm tra các dấu ngoặc
check-syntax-expected-comma = ở đây cần `,` hoặc một dấu ngoặc đóng, nhưng gặp { $found }
check-syntax-expected-colon = sau tên trường cần `:`, nhưng gặp { $found }
check-syntax-expected-colon-help = hãy viết trường theo dạng `tên: giá trị`
check-syntax-expected-field = ở đây cần một tên trường, nhưng gặp { $found }
check-syntax-expected-paren-end = ở đây cần dấu `)` đóng, nhưng gặp { $found }
check-syntax-expected-array-end = ở đây cần dấu `]` đóng, nhưng gặp { $found }
check-syntax-expected-map-end = ở đây cần dấu `{"}"}` đóng, nhưng gặp { $found }
check-syntax-expected-array = ở đây cần một danh sách `[...]`, nhưng gặp { $found }
check-syntax-expected-array-help = danh sách được viết trong ngoặc vuông, kể cả khi chỉ có một phần tử: `[a]`
check-syntax-expected-paren = ở đây cần `(`, nhưng gặp { $found }
check-syntax-expected-string = ở đây cần văn bản trong ngoặc kép, nhưng gặp { $found }
check-syntax-expected-string-help = mã, tên và ngày tháng được viết trong ngoặc kép: "an"
check-syntax-expected-float = ở đây cần một số, nhưng gặp { $found }
check-syntax-expected-float-help = hãy viết số thập phân với dấu chấm, không có ngoặc kép, ví dụ 3.99
check-syntax-expected-integer = ở đây cần một số nguyên, nhưng gặp { $found }
check-syntax-expected-integer-help = hãy viết số nguyên không có ngoặc kép, ví dụ 12
check-syntax-expected-bool = ở đây cần `true` (có) hoặc `false` (không), nhưng gặp { $found }
check-syntax-unexpected-char = ký tự không mong đợi `{ $char }`
check-syntax-check-here = hãy kiểm tra cú pháp RON ở chỗ này: thiếu dấu phẩy, dấu ngoặc kép hay dấu ngoặc?
check-syntax-trailing = còn { $found } sau khi giá trị chính của tệp đã kết thúc
check-syntax-trailing-help = mỗi tệp chứa một Model(...), Norms(...) hoặc Scenario(...); hãy kiểm tra các dấu ngoặc trước chỗ này
check-syntax-wrong-type = giá trị { $found } không đúng kiểu cho trường này
check-syntax-bad-digit = chữ số `{ $digit }` không hợp lệ trong số hệ { $base }
check-syntax-underscore = dấu gạch dưới đặt sai chỗ trong số { $found }
check-syntax-unexpected = gặp { $found } ở chỗ không mong đợi
check-syntax-attribute = thuộc tính `#![...]` không hợp lệ ở { $found }
check-syntax-attribute-help = orgplan chỉ dùng `#![enable(implicit_some)]`; có thể bỏ dòng này
check-syntax-bad-identifier = tên { $found } không hợp lệ

## Kiểm tra nội dung (Model, Norms, Scenario)
check-entity = { $what ->
    [function] Chức năng
    [unit] Đơn vị
    [position] Vị trí
    [staff] Nhân sự
   *[template] Mẫu định biên
} "{ $id }"
check-entity-model = Mô hình
check-entity-scenario = Kịch bản
check-entity-policy = Chính sách
check-entity-mandate = Nhiệm vụ { $unit } → { $function }
check-entity-template-position = Vị trí "{ $key }" của mẫu "{ $template }"
check-entity-template-post = mẫu "{ $template }", vị trí "{ $key }"
check-entity-standard = Tiêu chuẩn cho { $kind }
check-entity-merger = Sáp nhập thành "{ $id }"
check-entity-rule = quy tắc { $n } ({ $name })
check-number-nan = `{ $field }` không phải là số (NaN)
check-number-nan-help = hãy viết một số, ví dụ 3.99
check-number-infinite = `{ $field }` là vô hạn
check-number-infinite-help = hãy viết một số hữu hạn
check-number-negative = `{ $field }` là số âm ({ $value })
check-number-negative-help = giá trị này không thể nhỏ hơn 0
check-coefficient-too-large = `{ $field }` bằng { $value }: đây không phải một hệ số lương
check-coefficient-too-large-help = hệ số là bội số của mức lương cơ sở (ví dụ 3.99); tối đa { $max }
check-duplicate-id = mã trùng: { $what ->
    [function] một chức năng khác
    [unit] một đơn vị khác
    [position] một vị trí khác
    [staff] một người khác
   *[template] một mẫu định biên khác
} đã có mã "{ $id }"
check-duplicate-id-help = mã này xuất hiện lần đầu ở dòng { $line }; hãy cho mỗi { $what ->
    [function] chức năng
    [unit] đơn vị
    [position] vị trí
    [staff] người
   *[template] mẫu định biên
} một mã riêng
check-wrong-kind = ở đây cần một tệp { $expected }(...), nhưng đây là tệp { $found }(...)
check-wrong-kind-help = hãy chỉ ra một tệp { $expected }(...) ở đây
check-bad-date = `{ $field }` không phải một ngày hợp lệ: "{ $value }"
check-bad-date-help = hãy viết ngày theo dạng "YYYY-MM-DD" (năm-tháng-ngày), ví dụ "{ $example }"
check-bad-birth-help = hãy viết "YYYY-MM-DD" hoặc "YYYY-MM" (năm-tháng), ví dụ "1969-03"
check-unknown-parent = đơn vị cấp trên "{ $id }" không phải một đơn vị của mô hình
check-unknown-parent-help = hãy ghi mã của một đơn vị có trong `units`, hoặc bỏ `parent`
check-unknown-unit = đơn vị "{ $id }" không phải một đơn vị của mô hình
check-unknown-unit-help = hãy ghi mã của một đơn vị có trong `units` của mô hình
check-unknown-function = chức năng "{ $id }" không phải một chức năng của mô hình
check-unknown-function-help = hãy ghi mã của một chức năng có trong `functions` của mô hình
check-mandate-twice = nhiệm vụ này được ghi hai lần
check-mandate-twice-help = lần đầu ở dòng { $line }; lần sau bị bỏ qua
check-quota-zero = định mức 0: không ai được giữ vị trí này
check-quota-zero-help = hãy bỏ vị trí này, hoặc cho định mức từ 1 trở lên
check-born-after-as-of = ngày sinh { $born } sau ngày số liệu của mô hình (`as_of` { $as_of })
check-born-after-as-of-help = hãy kiểm tra ngày sinh (YYYY-MM-DD hoặc YYYY-MM) và `as_of` của mô hình
check-unknown-position = vị trí "{ $id }" không phải một vị trí của mô hình
check-unknown-position-help = hãy ghi mã của một vị trí có trong `positions`, hoặc bỏ `position` nếu người này chưa được bố trí
check-over-quota = { $n } người đang giữ vị trí này, vượt định mức { $quota }
check-over-quota-help = vượt định mức là thường gặp trước khi sáp nhập; phương án sẽ đưa về định mức
check-parent-cycle = chuỗi đơn vị cấp trên quay vòng: { $cycle }
check-parent-cycle-help = một đơn vị không thể trực thuộc, trực tiếp hay gián tiếp, chính nó; hãy sửa một `parent`
check-duplicate-key = khóa "{ $key }" bị trùng trong mẫu này
check-duplicate-key-help = khóa này xuất hiện lần đầu ở vị trí thứ { $n } của mẫu; các khóa phải khác nhau
check-base-salary-zero = mức lương cơ sở bằng 0
check-base-salary-zero-help = hãy ghi mức lương cơ sở bằng đồng, ví dụ 2340000
check-referenced-wrong-kind = tệp `{ $field }` "{ $file }" là tệp { $found }(...), không phải tệp { $expected }(...)
check-referenced-unreadable = tệp `{ $field }` "{ $file }": { $reason }
check-referenced-unreadable-help = orgplan đã tìm { $path }; đường dẫn trong kịch bản được tính từ thư mục của tệp kịch bản
check-merger-id-taken = mã của đơn vị mới "{ $id }" đã là một đơn vị của mô hình
check-merger-id-taken-help = hãy cho đơn vị mới một mã riêng
check-merger-id-twice = phương án sáp nhập thứ { $n } đã tạo một đơn vị "{ $id }"
check-merger-id-twice-help = hãy cho mỗi đơn vị mới một mã riêng
check-merger-from-unknown = đơn vị "{ $id }" trong `from` không phải một đơn vị của mô hình
check-merger-from-twice = đơn vị "{ $id }" được ghi hai lần trong `from`
check-merger-from-twice-help = hãy ghi mỗi đơn vị một lần
check-merged-twice = đơn vị "{ $id }" bị sáp nhập hai lần: cả trong phương án sáp nhập thứ { $n } (thành "{ $into }")
check-merged-twice-help = mỗi đơn vị chỉ được sáp nhập vào một đơn vị mới
check-merger-too-few = sáp nhập chỉ { $n } đơn vị: sáp nhập phải gộp từ hai đơn vị trở lên
check-merger-too-few-help = hãy ghi ít nhất hai đơn vị trong `from`, hoặc coi đây là đổi tên
check-merger-template-and-positions = có cả `template` lẫn `positions`
check-merger-template-and-positions-help = hãy giữ một: mã một mẫu định biên, hoặc danh sách vị trí viết ra
check-merger-no-posts = không có `template` cũng không có `positions`: đơn vị mới không có vị trí nào
check-merger-no-posts-help = hãy thêm `template: "<mã mẫu>"` hoặc `positions: [Position(...)]`
check-unknown-template = mẫu định biên "{ $id }" không có trong định mức của kịch bản
check-unknown-template-help = hãy ghi trong `norms` một tệp định mức có mẫu này
check-known-templates = các mẫu hiện có: { $ids }
check-template-kind = mẫu "{ $id }" dành cho { $template_kind }, nhưng đơn vị mới là { $kind }
check-post-id-taken = mã vị trí "{ $id }" đã được dùng
check-post-id-taken-help = mã của vị trí mới có dạng "<mã đơn vị mới>.<khóa>"; hãy chọn mã đơn vị hoặc khóa khác
check-post-wrong-unit = đơn vị của vị trí là "{ $unit }", không phải đơn vị mới "{ $into }"
check-post-wrong-unit-help = các vị trí của một phương án sáp nhập thuộc đơn vị mới: hãy viết `unit: "{ $into }"`
check-rule-unknown-staff = "{ $id }" không phải một người của mô hình
check-rule-unknown-staff-help = hãy ghi mã của một người có trong `staff` của mô hình
check-rule-not-candidate = "{ $id }" không phải ứng viên: vị trí của người này không thuộc đơn vị bị sáp nhập
check-rule-not-candidate-help = quy tắc chỉ áp dụng cho người của các đơn vị bị sáp nhập
check-rule-unknown-post = vị trí "{ $id }" không phải vị trí của đơn vị mới nào
check-rule-old-post-help = đây là vị trí của mô hình hiện tại; quy tắc ghi vị trí của đơn vị mới, "<mã đơn vị mới>.<khóa>"
check-rule-unknown-post-help = hãy ghi một vị trí của đơn vị mới, "<mã đơn vị mới>.<khóa>"
check-rule-share = tỷ lệ { $share } không phải một số từ 0 đến 1
check-rule-share-help = hãy viết một phân số thập phân, ví dụ 0.3 cho 30%

## Cách trình bày các vấn đề (validate và mọi lệnh)
check-severity-error = lỗi
check-severity-warning = cảnh báo
check-field-of-entity = , trường `{ $field }`
check-label-here = ở đây
check-help-inline = gợi ý: { $help }
check-help-line = gợi ý: { $help }
check-count = { $errors } lỗi, { $warnings } cảnh báo
check-note = lưu ý: { $msg }
check-tool-error = lỗi: { $msg }
check-note-warnings = bản thân các tệp đầu vào có { $n } cảnh báo (không thuộc kết quả dưới đây); lệnh `orgplan validate { $file }` liệt kê chúng
check-summary-model = { $units } đơn vị, { $functions } chức năng, { $posts } vị trí, { $staff } người
check-summary-norms = { $templates } mẫu định biên, { $standards } tiêu chuẩn
check-summary-scenario = { $mergers } phương án sáp nhập, { $rules } quy tắc, mô hình có { $staff } người
check-summary-errors = { $n } lỗi
check-summary-errors-shared = { $n } lỗi, trong đó { $before } lỗi đã nêu ở tệp trước
check-summary-ok = hợp lệ       { $file } ({ $kind ->
    [Model] mô hình
    [Norms] định mức
   *[Scenario] kịch bản
}: { $what })
check-summary-invalid = KHÔNG HỢP LỆ { $file } ({ $what })
check-csv-severity = Mức độ
check-csv-file = Tệp
check-csv-line = Dòng
check-csv-column = Cột
check-csv-entity = Đối tượng
check-csv-field = Trường
check-csv-message = Vấn đề
check-csv-help = Gợi ý
check-csv-failed = không ghi được CSV: { $reason }
check-unit-kind = { $kind ->
    [Commune] xã
    [Ward] phường
    [Township] thị trấn
    [District] huyện
    [Province] tỉnh
    [Department] phòng chuyên môn
   *[Agency] cơ quan
}
check-format-table = các vấn đề cho người đọc (trên stderr) và mỗi tệp một dòng
check-format-json = JSON cho các chương trình khác
check-format-csv = CSV để mở bằng bảng tính
