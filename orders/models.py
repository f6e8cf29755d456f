# Orders, pickup slots and payments arrive with their own issue; the app exists so that the
# layout is stable and migrations start here.
