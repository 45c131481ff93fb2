# Dòng lệnh: trợ giúp của clap và các lỗi dùng lệnh.
cli-bad-lang = không biết ngôn ngữ “{ $lang }”: dùng vi (tiếng Việt) hoặc en (tiếng Anh)
cli-heading-usage = Cách dùng:
cli-heading-commands = Lệnh
cli-heading-arguments = Đối số
cli-heading-options = Tùy chọn
cli-arg-help = In trợ giúp
cli-arg-version = In phiên bản
cli-arg-lang = Ngôn ngữ của kết quả: vi (mặc định) hoặc en. Cũng đặt được bằng biến ORGPLAN_LANG.
