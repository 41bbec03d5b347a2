The suggestion list has its filters as a form and exports what it shows as .xlsx. [workbench]
