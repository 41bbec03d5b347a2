Plone's `@@ics_view` on consultations and programmes, and collections of consultations, serve the add-on's calendar (IICalendar adapters). [plone-grade]
