# Pháp luật: chính sách, các khoản trợ cấp, lệnh `orgplan law`.
law-term-months-early = Trợ cấp hưu trí một lần cho số tháng nghỉ sớm (f × M × m)
law-term-months-early-capped = Trợ cấp hưu trí một lần cho số tháng nghỉ sớm (0,9 × f × M × 60)
law-term-years-early = Trợ cấp cho số năm nghỉ sớm (k × M × E)
law-term-insured-years = Trợ cấp theo số năm đóng BHXH bắt buộc (S)
law-term-quit-months = Trợ cấp thôi việc (g × M × n, n = min(60, số tháng đóng BHXH))
law-term-quit-insured-years = Trợ cấp theo số năm đóng BHXH (1,5 × M × Y)
law-term-job-search = Trợ cấp tìm việc làm (3 tháng)
law-term-part-time-months = Trợ cấp một lần theo tháng (0,8 × phụ cấp × số tháng)
law-term-part-time-years = Trợ cấp theo năm công tác (1,5 × phụ cấp × số năm)
law-term-part-time-retired = Trợ cấp một lần khi đã đủ tuổi nghỉ hưu (15 tháng phụ cấp)
law-kind-retire = Nghỉ hưu
law-kind-early-retirement = Nghỉ hưu trước tuổi
law-kind-quit = Thôi việc
law-kind-none = Không có chính sách
law-branch-retire = m = { $m } ≤ 0: đã đến tuổi nghỉ hưu (hưởng lương hưu từ { $pension }); nghỉ hưu, không bố trí vào vị trí nào
law-branch-early-under-2 = 0 < m = { $m } < 24 và có { $y } năm đóng BHXH ≥ { $min }: nghỉ hưu trước tuổi, chỉ trợ cấp theo tháng
law-branch-early-2-to-5 = 24 ≤ m = { $m } ≤ 60 và có { $y } năm đóng BHXH ≥ { $min }: nghỉ hưu trước tuổi từ đủ 2 đến đủ 5 năm
law-branch-early-5-to-10 = 60 < m = { $m } ≤ 120 và có { $y } năm đóng BHXH ≥ { $min }: nghỉ hưu trước tuổi trên 5 đến đủ 10 năm
law-branch-quit-no-pension = không được nghỉ hưu trước tuổi: chưa đủ { $min } năm đóng BHXH (có { $y } năm, tính tròn năm); m = { $m } ≥ 24: thôi việc
law-branch-quit-too-early = không được nghỉ hưu trước tuổi: m = { $m } > 120 tháng, quá sớm; m ≥ 24: thôi việc
law-branch-none = không có chính sách: chưa đủ { $min } năm đóng BHXH (có { $y } năm) và còn m = { $m } < 24 tháng đến tuổi nghỉ hưu; tiếp tục bố trí đến khi nghỉ hưu (hưởng lương hưu từ { $pension })
law-branch-pt-retired = người hoạt động không chuyên trách đã đến tuổi nghỉ hưu (m = { $m } ≤ 0)
law-branch-pt-short = người hoạt động không chuyên trách có dưới 5 năm công tác ({ $months } tháng)
law-branch-pt-near = người hoạt động không chuyên trách có từ đủ 5 năm công tác, còn m = { $m } < 60 tháng đến tuổi nghỉ hưu
law-branch-pt-long = người hoạt động không chuyên trách có từ đủ 5 năm công tác, còn m = { $m } ≥ 60 tháng đến tuổi nghỉ hưu
law-branch-fallback = ; không văn bản nào trong dữ liệu pháp luật áp dụng cho đối tượng này vào ngày này: tạm tính theo Nghị định 178/2024
law-pkg-head = Chính sách: { $kind } — chi phí { $cost }
law-pkg-basis = Căn cứ: { $reason } ({ $article })
law-pkg-salary = Tiền lương tháng hiện hưởng M = { $formula } đồng ({ $article })
law-pkg-insured = Thời gian đóng BHXH: { $months } tháng = { $years } năm { $rem } tháng → Y = { $y } năm (để tính trợ cấp); { $whole } năm tròn (để xét điều kiện)
law-pkg-months = Số tháng đến tuổi nghỉ hưu m = { $m } (từ { $from } đến tháng hưởng lương hưu { $pension }; đủ tuổi { $age_years } năm { $age_months } tháng vào { $month })
law-pkg-years-early = Số năm nghỉ sớm E = { $e }
law-pkg-window-in = Nghỉ trong 12 tháng kể từ quyết định sắp xếp ({ $from } đến { $to }): f = { $f }, g = { $g }
law-pkg-window-out = Nghỉ sau 12 tháng kể từ quyết định sắp xếp (hết ngày { $end }): mức hưởng giảm một nửa, f = { $f }, g = { $g }
law-pkg-term = { $n }. { $name }: { $formula } = { $exact } ({ $article })
law-pkg-term-unverified = — chưa đối chiếu được văn bản gốc
law-pkg-total = Tổng = { $cost } (tổng chính xác các khoản, làm tròn một lần đến đồng)
law-pkg-unverified-note = Lưu ý: có số liệu chưa đối chiếu được với văn bản gốc (verified: false trong dữ liệu pháp luật).
law-person = { $name } ({ $id }), { $gender }, sinh { $born }; { $category }; đóng BHXH { $months } tháng; hệ số lương { $coef }, phụ cấp chức vụ { $allowance }
law-person-beyond = , vượt khung { $pct }%
law-person-other = , phụ cấp khác { $other }
law-gender-female = nữ
law-gender-male = nam
law-retirement-line = Tuổi nghỉ hưu (Nghị định 135/2020): đủ { $age_years } năm { $age_months } tháng vào { $month }, hưởng lương hưu từ { $pension }; còn { $m } tháng kể từ ngày hiệu lực { $effective }
law-price-error = không tính được chính sách cho người này: { $error }
law-no-workbook-package = `package` chỉ in dạng bảng hoặc json (phần tính toán không phải là bảng)
law-no-workbook-law = `law` chỉ in dạng bảng hoặc json (các quy định là một danh sách, không phải bảng)
law-bad-date = --date “{ $text }” không phải là ngày: viết YYYY-MM-DD, ví dụ 2025-07-01
law-title = Quy định có hiệu lực ngày { $date }
law-head = { $name } [{ $id }] — { $origin }
law-origin-embedded = (kèm theo chương trình)
law-in-force = Hiệu lực từ { $from }
law-in-force-until = Hiệu lực từ { $from } đến hết { $until }
law-not-in-force = — không có hiệu lực vào ngày này
law-applies = Áp dụng cho { $category } từ { $from } ({ $article })
law-applies-until = Áp dụng cho { $category } từ { $from } đến hết { $until } ({ $article })
law-applies-not-now = — không áp dụng vào ngày này
law-figure-source = [{ $title }, độ tin cậy { $confidence }]
law-unverified = — chưa đối chiếu được văn bản gốc
law-years-early-half = Cách làm tròn số năm nghỉ sớm: nửa năm (HalfYear)
law-years-early-full = Cách làm tròn số năm nghỉ sớm: năm tròn (FullYear)
law-confidence-h = cao
law-confidence-m = trung bình
law-confidence-l = suy luận
law-category-cadre = cán bộ
law-category-civil-servant = công chức
law-category-public-employee = viên chức
law-category-part-time = người hoạt động không chuyên trách
law-category-worker = người lao động
law-plan-retiring-title = Nghỉ hưu — đã đến tuổi nghỉ hưu, không bố trí ({ $n }):
law-plan-col-retiring = Người nghỉ hưu
law-plan-col-old-post = Chức danh cũ
law-plan-col-pension = Hưởng lương hưu từ
law-plan-retained = Lưu ý: { $name } ({ $id }) đã đến tuổi nghỉ hưu (hưởng lương hưu từ { $pension }) nhưng được giữ lại đến { $until } theo quy tắc { $rule }
law-plan-retained-placed = , bố trí vào { $post }
law-plan-retained-unplaced = , không được bố trí
law-plan-retained-flag = { $person } — quá tuổi nghỉ hưu, giữ lại đến { $until }
law-figure = { $name } ({ $key }): { $value } — { $article }
law-key-base-salary = Lương cơ sở (đồng/tháng)
law-key-half-year-max-months = Tháng lẻ tính nửa năm đến
law-key-public-service-allowance = Phụ cấp công vụ tính vào M
law-key-min-pension-years = Số năm đóng BHXH tối thiểu để hưởng lương hưu
law-key-decision-window-months = Số tháng hưởng mức đầy đủ kể từ quyết định sắp xếp
law-key-early-rate = f trong thời hạn
law-key-early-rate-after-window = f sau thời hạn
law-key-quit-rate = g trong thời hạn
law-key-quit-rate-after-window = g sau thời hạn
law-key-early-min-months = Số tháng nghỉ sớm tối thiểu để hưởng đủ chế độ hưu trước tuổi
law-key-early-full-rate-max-months = Số tháng nghỉ sớm tối đa tính theo từng tháng
law-key-early-max-months = Số tháng nghỉ sớm tối đa
law-key-early-beyond-rate = Hệ số khi nghỉ sớm trên 5 năm
law-key-early-beyond-months = Số tháng tính khi nghỉ sớm trên 5 năm
law-key-years-early-months-near = Số tháng lương mỗi năm nghỉ sớm (đến 5 năm)
law-key-years-early-months-far = Số tháng lương mỗi năm nghỉ sớm (trên 5 năm)
law-key-s-first-years = S: số năm đầu
law-key-s-first-months = S: số tháng lương cho các năm đầu
law-key-s-short-first-years = S (dưới mốc năm đầu): số năm đầu
law-key-s-short-first-months = S (dưới mốc năm đầu): số tháng lương
law-key-s-further-year = S: số tháng lương mỗi năm tiếp theo
law-key-quit-min-months = Số tháng đến tuổi hưu tối thiểu để thôi việc
law-key-quit-max-months = n tối đa (tháng)
law-key-quit-per-year = Số tháng lương mỗi năm đóng BHXH khi thôi việc
law-key-quit-job-search = Số tháng lương để tìm việc làm
law-key-pt-short-service-months = Dưới số tháng công tác này: chế độ dưới 5 năm
law-key-pt-near-retirement-months = Dưới số tháng đến tuổi hưu này: chế độ gần tuổi hưu
law-key-pt-month-rate = Hệ số phụ cấp mỗi tháng
law-key-pt-far-months = Số tháng tính khi còn từ 5 năm đến tuổi hưu
law-key-pt-per-year = Số tháng phụ cấp mỗi năm công tác
law-key-pt-job-search = Số tháng phụ cấp để tìm việc làm
law-key-pt-retired-months = Số tháng phụ cấp khi đã đủ tuổi nghỉ hưu
law-csv-total = Tổng
