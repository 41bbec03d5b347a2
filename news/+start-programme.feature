Staff start this year's (or next year's) programme from the workbench; a consultation filed in another year's programme than the one it is held in warns staff on its page.
