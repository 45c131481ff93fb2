# Thông báo khi kiểm tra các cuộc sáp nhập theo bản đồ (từ, phần, mã).
map-check-no-source = đơn vị mới không có nguồn: cả `from` và `parts` đều trống
map-check-no-source-help = liệt kê các đơn vị hợp thành nó trong `from` (nguyên vẹn) hoặc `parts` (một phần)
map-check-part-unknown = đơn vị “{ $unit }” trong `parts` không phải là đơn vị của mô hình
map-check-part-unknown-help = ghi mã của một đơn vị trong mô hình
map-check-part-twice = đơn vị “{ $unit }” được liệt kê hai lần trong `parts`
map-check-part-twice-help = mỗi đơn vị chỉ liệt kê một lần
map-check-part-whole-here = nguyên vẹn trong `from` của chính cuộc sáp nhập này
map-check-part-whole-by = nguyên vẹn ở cuộc sáp nhập { $merger }
map-check-part-and-whole = đơn vị “{ $unit }” được lấy một phần ở đây và { $how }
map-check-part-and-whole-help = một đơn vị bị chia cho nhiều đơn vị mới nằm trong `parts` của mỗi cuộc sáp nhập lấy nó, và không nằm trong `from` nào
map-check-whole-and-part = đơn vị “{ $unit }” được lấy nguyên vẹn ở đây và một phần ở cuộc sáp nhập { $merger } (thành “{ $into }”)
map-check-growth-unknown-post = growth ghi vị trí "{ $key }", không có trong mẫu này
map-check-growth-unknown-post-help = ghi `key` của một vị trí trong mẫu
map-check-growth-per-zero = `per` của growth bằng 0
map-check-growth-per-zero-help = ghi số người thì thêm một vị trí, ví dụ `per: 2000`
map-check-code-bad = `code` "{ $code }" không phải là mã thống kê
map-check-code-bad-help = ghi mã chính thức dạng văn bản, các chữ số kèm số 0 ở đầu, ví dụ "00004"
