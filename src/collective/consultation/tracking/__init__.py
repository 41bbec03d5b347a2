"""Following each suggestion until it is adopted and implemented: the handling steps and
what each needs, the units that answer, deadlines and reminders, democratic evaluation,
merging and import."""
