Members of the standing committee (常委) are marked, and a consultation invites them all in one step. [workbench]
