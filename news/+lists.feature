The programme, the member directory (sector, 常委) and the unit directory (year, overdue) have filters and export what they show as .xlsx, as the suggestion list does. [workbench]
