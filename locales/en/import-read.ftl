# Importing a staffing table (orgplan import): messages about cells, rows, columns and files.

## Places in a workbook
import-loc-sheet = sheet "{ $sheet }"
import-loc-row = row { $row }
import-loc-column = column { $column }
import-loc-column-named = column { $column } ({ $header })

## Reading the file
import-check-path = check the path
import-file-too-large = the file is { $mb } MB, too large to be a staffing table
import-workbook-damaged = cannot read the workbook: it is damaged (the xlsx reader gave up on it)
import-workbook-damaged-help = open it in Excel or LibreOffice and save it again as .xlsx
import-workbook-unreadable = cannot read the workbook: { $reason }
import-workbook-unreadable-help = save it from Excel or LibreOffice as .xlsx and try again
import-sheet-unreadable = cannot read the sheet "{ $sheet }": { $reason }
import-csv-utf16 = the file is not UTF-8 (it is UTF-16, what Excel calls "Unicode Text")
import-csv-utf8-help = save it as CSV UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")
import-binary = this is a binary file, neither a workbook (.xlsx) nor a CSV text file
import-csv-unreadable = row { $row }: cannot read the CSV: { $reason }
import-csv-not-utf8 = the file is not UTF-8 (it looks like { $encoding }): byte { $byte } cannot be read
import-csv-not-utf8-help = save it as CSV UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)"; in LibreOffice: Character set "Unicode (UTF-8)")
import-encoding-1258 = Windows-1258, the Vietnamese ANSI code page
import-encoding-tcvn3 = TCVN3 (ABC), an old Vietnamese font encoding
import-encoding-8bit = an 8-bit code page such as Windows-1252

## Sheets, header rows and columns
import-no-such-sheet = there is no sheet "{ $sheet }"
import-sheets-are = the sheets are { $sheets }
import-no-staff-sheet = there is no staff sheet (one row per person)
import-no-staff-sheet-help = the sheets are { $sheets }; add one headed Họ và tên, Ngày sinh, Giới tính, Hệ số lương
import-no-header = no header row: none of the first { $rows } rows names the columns { $names }
import-no-header-help = put the column names in one row above the data (see the README's column table)
import-column-missing = the column "{ $name }" ({ $field }) is missing from the header row
import-column-missing-help = add a column headed "{ $name }"
import-column-twice = two columns give { $field }: { $first } and { $second }
import-column-twice-help = keep one of them, or rename the other
import-column-unknown = orgplan does not know this column; it is not read
import-column-unknown-help = the README lists the columns orgplan reads
import-below-notes = this row looks like a person, but it is below the notes row { $row }, where reading stops
import-below-notes-help = move the notes under the last person, or delete them

## Cells
import-cell-empty = no { $field }: the cell is empty
import-cell-empty-help = fill it in
import-cell-error = the cell holds the error { $error }, not a { $what ->
    [number] number
    [whole] whole number
   *[date] date
}
import-cell-date = the cell holds the date { $date }, not a { $what ->
    [number] number
   *[whole] whole number
}
import-cell-not-a = "{ $text }" is not a { $what ->
    [number] number
    [whole] whole number
   *[date] date
}
import-not-number = "{ $text }" is not a number
import-not-whole = { $text } is not a whole number
import-not-whole-text = "{ $text }" is not a whole number
import-unknown-value = "{ $text }" is not a { $field } orgplan knows
import-number-help = write a number, e.g. 3,99 or 3.99
import-unit-kind-help = write Commune, Ward, Township, SpecialZone, District, Province, Department or Agency (or Xã, Phường, Thị trấn, Đặc khu, Huyện, Tỉnh, Phòng, Cơ quan)
import-not-unit-kind = "{ $text }" is not a unit kind
import-unit-kinds-help = list unit kinds separated by commas, e.g. Commune, Ward, Township
import-class-help = write I, II or III
import-level-help = write Province, District or Commune
import-post-kind-help = write Leader, Cadre, CivilServant or PartTime (or Lãnh đạo, Cán bộ, Công chức, Không chuyên trách)
import-gender-help = write Nam or Nữ (Male or Female, M or F also do)
import-role-help = write Lead or Coordinate (Chủ trì, Phối hợp)
import-quota-too-large = quota { $quota } is too large
import-quota-help = write the number of posts
import-name-help = write the person's full name
import-born-help = write the date as dd/mm/yyyy (e.g. 05/02/1963), yyyy-mm-dd, or a month as mm/yyyy
import-not-months = { $text } is not a number of months
import-months-help = write the whole number of months of social insurance, e.g. 342
import-salary-unusual = salary coefficient { $salary } is outside the usual { $low }–{ $high }
import-salary-unusual-help = check the decimal mark: 3,99 is three point ninety-nine
import-as-of-needs-day = the model's date needs a day
import-as-of-needs-day-help = write dd/mm/yyyy
import-date-help = write dd/mm/yyyy or yyyy-mm-dd
import-as-of-unknown = the date the table describes is not known
import-as-of-unknown-help = give Options::as_of, or a `Model` sheet with `Ngày số liệu`

## Dates written as text
import-not-date = "{ $text }" is not a date
import-date-short-year = "{ $text }" has no four-digit year: write the year in full
import-year-alone = { $year } is a year alone: give the month too (mm/yyyy) or the whole date
import-no-month = "{ $text }": there is no month { $month }
import-no-month-swapped = "{ $text }": there is no month { $month } (the day comes first in dd/mm/yyyy; is this month/day/year?)
import-no-day = "{ $text }": month { $month } of { $year } has no day { $day }

## Units, posts and ids
import-id-in-base = { $what } "{ $id }" is already in the model this table is merged into
import-id-in-base-help = give it another id, or pass --replace to update the one in the model
import-duplicate-id = duplicate id: { $at } has the { $what } id "{ $id }" too
import-duplicate-id-help = give each { $what } its own id
import-post-kind = { $kind }
import-wrong-unit-of-post = "{ $unit }" is not the unit of the post "{ $post }" (that is "{ $actual }")
import-wrong-unit-of-post-help = correct the unit, or the post's id
import-wrong-title = the post "{ $post }" is titled "{ $actual }", not "{ $title }"
import-wrong-title-help = correct the title, or clear the post id to place the person by title
import-unknown-post = the post "{ $post }" is in neither the Vị trí việc làm sheet nor the model
import-unknown-post-help = list it in the Vị trí việc làm (Positions) sheet, or give the unit and title
import-title-without-unit = the post's title is given, but not its unit
import-title-without-unit-help = fill in the Đơn vị cell
import-title-ambiguous = several posts of this unit have this title: { $ids }
import-title-ambiguous-help = add a Mã vị trí column with the post's id
import-kind-differs = this post is { $kind } here but { $other } on row { $row }
import-kind-differs-help = give every holder of a post the same kind
import-kind-of-post = the post "{ $post }" is { $actual }, not { $kind }
import-kind-of-post-help = correct the kind, or the post in its sheet
import-unit-ambiguous = several units are named "{ $unit }": { $ids }
import-unit-ambiguous-help = write the unit's id instead of its name
import-unit-kind-unknown = orgplan cannot tell what kind of unit "{ $unit }" is
import-unit-kind-unknown-help = write "Xã { $unit }", "Phường { $unit }" or "Thị trấn { $unit }", or list the unit in a sheet named Đơn vị (Units)
import-unit-id-taken = the unit "{ $unit }" would take the id "{ $id }", which another unit has
import-unit-id-taken-help = list the units in a sheet named Đơn vị (Units) with their ids
import-kind-from-title = orgplan cannot tell the kind of the post "{ $title }" from its title: taken as CivilServant
import-kind-from-title-help = add a Loại column (Cán bộ, Công chức, Lãnh đạo, Không chuyên trách) to say

## The orgplan import command
import-would-overwrite = -o { $file } would overwrite an input file; orgplan never writes its inputs: name a new file
import-bad-as-of = --as-of { $text }: not a date; write YYYY-MM-DD or dd/mm/yyyy
import-header = Imported by orgplan from { $file }
import-header-sheet = , sheet "{ $sheet }"
import-header-into = , into { $file }
