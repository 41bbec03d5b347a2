Five wrong passwords lock a login for fifteen minutes, and a member whose term has ended can no longer log in (a PAS plugin in front of Plone's user source).
