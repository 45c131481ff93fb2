# Staffing tables side by side (orgplan diff).
diff-scope-partial = a side is a saved plan: only the units of its mergers are compared
diff-cannot-read = cannot read the file: { $reason }
diff-not-a-plan = this is not a saved plan: { $reason }
diff-not-a-plan-help = save a plan with orgplan plan SCENARIO --format json -o FILE.json
diff-norms-file = this is a Norms file; diff compares Models, Scenarios (their plans) and saved plans
diff-side-model = model { $file }
diff-side-plan-json = saved plan { $file }
diff-side-scenario = plan of { $file }
diff-before = Before: { $side }
diff-after = After:  { $side }
diff-status-over = over the norm
diff-status-under = under the norm
diff-status-abolished = abolished
diff-status-at = at the norm
diff-change-stayed = stayed
diff-change-moved = moved
diff-change-unplaced = unplaced
diff-change-surplus = surplus
diff-change-left = left
diff-change-new = new
diff-package-retire = retirement
diff-package-early-retirement = early retirement
diff-package-quit = quitting
diff-package-none = no package (kept until retirement)
diff-record-post = post
diff-record-person = person
diff-col-post = Post
diff-col-title = Title
diff-col-before = Before
diff-col-after = After
diff-col-norm = Norm
diff-col-delta = Difference
diff-col-status = Against the norm
diff-col-unit-id = Unit id
diff-col-unit = Unit
diff-col-from-posts = From posts
diff-col-change = Change
diff-col-staff-id = Staff id
diff-col-name = Name
diff-col-from-post = From post
diff-col-to-post = To post
diff-col-package = Package
diff-col-cost = Cost (đồng)
diff-col-measure = Measure
diff-col-value = Value
diff-people-heading = People who changed ({ $stayed ->
    [one] one stayed
   *[other] { $stayed } stayed
} in the same post)
diff-totals-posts = Totals: { $posts ->
    [one] one post
   *[other] { $posts } posts
}; staff { $before } → { $after } against a norm of { $norm } ({ $over } over, { $under } under)
diff-totals-people = { $people ->
    [one] one person
   *[other] { $people } people
}: stayed { $stayed }, moved { $moved }, surplus { $surplus } ({ $cost }), unplaced { $unplaced }, left { $left }, new { $new }
diff-sheet-posts = Posts before and after
diff-sheet-people = People
diff-sheet-totals = Totals
diff-total-before = Before
diff-total-after = After
diff-total-posts = Posts
diff-total-staff-before = Staff before
diff-total-staff-after = Staff after
diff-total-norm = Norm
diff-total-over = Posts over the norm
diff-total-under = Posts under the norm
diff-total-people = People
diff-total-stayed = Stayed
diff-total-moved = Moved
diff-total-surplus = Surplus
diff-total-surplus-cost = Surplus cost (đồng)
diff-total-unplaced = Unplaced
diff-total-left = Left
diff-total-new = New
