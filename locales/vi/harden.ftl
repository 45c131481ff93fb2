# Limits and semantic checks (issue 14): what careless or hostile input is refused with.

harden-diagnostics-not-shown = … còn { $errors } lỗi và { $warnings } cảnh báo không vẽ ra (chỉ { $shown } vấn đề đầu được vẽ đầy đủ); `--format json` liệt kê tất cả
