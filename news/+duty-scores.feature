Duty evaluation (履职量化考评): versioned rules per year, scores and rankings by year or term (届次), talk reminders (谈话提醒) and Word dossiers (履职档案), all counted from the catalog. [duty]
