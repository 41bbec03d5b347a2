"""Word minutes (会议纪要) in the GB/T 9704-2012 layout, built with python-docx from plain
data (data.py), so views and services only choose the language and return the file."""
