# Chung: những từ dùng ở nhiều nơi.
common-yes = có
common-no = không
