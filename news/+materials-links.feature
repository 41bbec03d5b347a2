Invitations and 我的履职 link to the consultation's materials. [meeting]
