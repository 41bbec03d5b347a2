"""The secretariat's reports, from catalog brains only: adoption status (json, csv, xlsx,
docx) and the annual report."""
