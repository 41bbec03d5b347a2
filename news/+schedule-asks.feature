Scheduling a consultation asks first: the page says how many members the invitations go to and warns when nobody is invited yet.
