# Common words used in many places.
common-yes = yes
common-no = no
