"""Calendars (RFC 5545) and invitations (iTIP/iMIP, RFC 5546/6047) for consultations.

The core takes plain data (``data.py``) built from a consultation object or from catalog
brains, so feeds never wake content objects; views and services only call it."""
