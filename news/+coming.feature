我的履职 opens with what comes next: the consultations ahead the member is invited to, with their answer or a button to answer. [workbench]
