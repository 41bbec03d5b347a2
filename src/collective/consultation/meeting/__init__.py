"""The day of a consultation: members check in (签到) with the consultation's QR code."""
