"""The size of every stored text that people type: one number per field, for the column and its parser.

storage/models.py declares these columns with these sizes, and the parsers refuse a longer answer
with a hint and the question again, so a typed answer always fits its column (PostgreSQL refuses an
over-long VARCHAR, and the message would fail again at every retry). The numbers live here rather
than in storage because handlers/ never imports storage while storage may import handlers; one
number serves both, and tests/test_field_sizes.py checks every column against it.
"""

from __future__ import annotations

NAME = 120  # person.full_name, person.display_name, declaration.subject_name
PHONE = 20  # person.phone, community_report.contact (E.164 needs at most 16)
ID_NUMBER = 12  # person.id_number (a CCCD has 12 digits)
STREET = 200  # person.street; a declared-for person's street is kept in declaration.answers
REPORT_PLACE = 300  # community_report.place
REPORT_WHO = 300  # community_report.who
REPORT_SEEN = 600  # community_report.seen
OUTBREAK_NOTE = 200  # outbreak_area.note
NOTICE_HEADER = 300  # notice.header
NOTICE_ENGLISH = 3000  # broadcast.text_en, notice.summary_en: sent as typed, a few phone screens at most
SCHEDULE_TITLE = 300  # report_schedule.title
SCHEDULE_SOURCE = 600  # report_schedule.source
TRAVEL = 300  # the places travelled, kept in declaration.answers (JSON): a bound of its own
VENUE_NAME = 120  # venue.name
VENUE_SCHEDULE = 200  # venue.schedule (opening hours as typed)
