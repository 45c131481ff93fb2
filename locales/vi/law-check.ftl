# Thông báo khi kiểm tra pháp luật trong kịch bản và mô hình: ngày quyết định, tệp luật, quy tắc giữ lại (Retain), phụ cấp thâm niên vượt khung.
law-check-decision-date-bad = `decision_date` không phải một ngày hợp lệ: "{ $text }"
law-check-decision-date-bad-help = ghi "NNNN-TT-NN", ngày quyết định sắp xếp có hiệu lực
law-check-law-file-unread = tệp pháp luật "{ $file }": { $error }
law-check-law-file-unread-help = orgplan đã tìm { $path }; đường dẫn trong kịch bản tính từ thư mục của tệp kịch bản
law-check-retain-until-bad = `until` không phải một ngày hợp lệ: "{ $text }"
law-check-retain-until-bad-help = ghi "NNNN-TT-NN", ví dụ ngày cuối của nhiệm kỳ
law-check-retain-until-early = `until` { $until } trước ngày hiệu lực của kịch bản { $effective }
law-check-retain-until-early-help = người được giữ lại kể từ ngày hiệu lực: hãy ghi một ngày sau đó
law-check-retain-not-retired = cán bộ "{ $staff }" chưa đến tuổi nghỉ hưu vào ngày { $date } (hưởng lương hưu từ { $pension }): quy tắc này không thay đổi gì
law-check-retain-not-retired-help = Retain dành cho người đã bắt đầu hưởng lương hưu
law-check-beyond-frame-bad = `beyond_frame_pct` là { $pct }%: không phải là phụ cấp thâm niên vượt khung
law-check-beyond-frame-bad-help = ghi số phần trăm của hệ số lương, ví dụ 7; nhiều nhất { $max }
