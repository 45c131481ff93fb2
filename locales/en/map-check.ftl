# Messages of the checks of mergers against the map (from, parts, codes).
map-check-no-source = the new unit has no source: `from` and `parts` are both empty
map-check-no-source-help = list the units it is formed from in `from` (whole) or `parts` (in part)
map-check-part-unknown = unit "{ $unit }" in `parts` is not a unit of the model
map-check-part-unknown-help = name the id of a unit of the model
map-check-part-twice = unit "{ $unit }" is listed twice in `parts`
map-check-part-twice-help = list each unit once
map-check-part-whole-here = in `from` of this merger
map-check-part-whole-by = whole by merger { $merger }
map-check-part-and-whole = unit "{ $unit }" is taken in part here and { $how }
map-check-part-and-whole-help = a unit split among new units is in `parts` of each merger taking it, and in no `from`
map-check-whole-and-part = unit "{ $unit }" is taken whole here and in part by merger { $merger } (into "{ $into }")
map-check-growth-unknown-post = growth names the post "{ $key }", which is not in this template
map-check-growth-unknown-post-help = name the `key` of one of the template's posts
map-check-growth-per-zero = growth `per` is 0
map-check-growth-per-zero-help = write how many people add one post, e.g. `per: 2000`
map-check-code-bad = `code` "{ $code }" is not a statistics code
map-check-code-bad-help = write the official code as text, digits with their leading zeros, e.g. "00004"
