# The staffing table (orgplan show): units tree, posts, quotas, holders.
show-title = { $model } (as of { $date })
show-totals = { $units ->
    [one] one unit
   *[other] { $units } units
}, { $posts ->
    [one] one post
   *[other] { $posts } posts
}, quota { $quota }, { $staff } staff ({ $unplaced } without a post), { $over ->
    [one] one post
   *[other] { $over } posts
} over quota
show-over-quota = over quota
show-norms-file = this is a Norms file; this command needs a Model or a Scenario
show-col-unit-or-post = Unit / post
show-col-kind = Kind
show-col-quota = Quota
show-col-held = Held
show-col-holders = Holders
show-col-unit-id = Unit id
show-col-unit-name = Unit name
show-col-unit-kind = Unit kind
show-col-depth = Depth
show-col-post-id = Post id
show-col-title = Title
show-col-post-kind = Post kind
show-col-over-quota = Over quota
show-col-holder-ids = Holder ids
show-sheet-staffing = Staffing
show-unit-province = Province
show-unit-district = District
show-unit-commune = Commune
show-unit-ward = Ward
show-unit-township = Township
show-unit-department = Department
show-unit-agency = Agency
show-post-leader = Leader
show-post-cadre = Cadre
show-post-civil-servant = Civil servant
show-post-part-time = Part-time
