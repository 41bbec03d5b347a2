Check-in (签到): the consultation's QR code for staff with the live count, the member's one-button check-in page and POST @checkin; late arrivals recorded; settings for the hours. [meeting]
