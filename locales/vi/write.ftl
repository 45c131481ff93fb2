# Ghi kết quả ra tệp (-o), và dừng khi người dùng bấm Ctrl-C.
write-cannot = không ghi được { $path }: { $reason }
write-is-input = đây là một tệp đầu vào của lệnh này; orgplan không bao giờ ghi đè tệp đầu vào: hãy đặt tên tệp khác
write-is-folder = đây là một thư mục, không phải tệp: hãy đặt tên tệp
write-link-loop = liên kết tượng trưng lặp vòng hoặc quá nhiều tầng
write-interrupted = đã dừng theo yêu cầu: không ghi gì
write-io-not-found = thư mục không tồn tại ({ $detail })
write-io-permission = không có quyền ghi ({ $detail })
write-io-exists = tệp đã tồn tại ({ $detail })
write-io-full = ổ đĩa đã đầy ({ $detail })
write-io-read-only = ổ đĩa chỉ đọc ({ $detail })
write-io-bad-name = tên tệp không hợp lệ hoặc quá dài ({ $detail })
write-io-other = lỗi hệ thống ({ $detail })
