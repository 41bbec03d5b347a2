The minutes name the members who checked in late (迟到). [meeting]
