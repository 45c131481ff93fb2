# Importing a staffing table (orgplan import).
import-unmatched-title = the post “{ $title }” is none of the posts of the shipped templates: it gets no functions, so nobody earns continuity from it
import-unmatched-title-help = write the title as the templates do (e.g. “Tư pháp - hộ tịch”), or list the post with its functions in a “Vị trí việc làm” sheet
import-note-read = read { $people ->
    [one] { $people } person
   *[other] { $people } people
} from “{ $sheet }”
import-note-replaced = ({ $replaced } replacing people of the same id)
import-note-derived = ; { $units } units and { $posts } posts made from the Đơn vị and Chức danh cells
import-note-catalogue = ; the { $functions } functions of the standard catalogue, { $matched } posts given the functions of their template post, { $mandates } mandates
import-note-as-of-today = ; as_of is today, { $date } (give --as-of for the table's date)
import-note-written = ; written to { $path }
